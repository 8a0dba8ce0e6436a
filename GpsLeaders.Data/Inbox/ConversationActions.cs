using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>
/// Reading, assigning and archiving conversations; each is one UPDATE, so it cannot lose a concurrent inbound increment.
/// Each takes the <see cref="InboxViewer"/> and treats a conversation they may not see as one that does not exist.
/// </summary>
public sealed class ConversationActions(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    /// <summary>Opening a conversation reads it: the unread count drops to zero for everyone, live. False when there was nothing to read (or nothing the viewer may read).</summary>
    public async Task<bool> MarkReadAsync(string conversationId, InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = Stamp();
        var userId = viewer.UserId;
        var all = viewer.SeesEveryConversation;
        var read = await db.Database.SqlQuery<ReadRow>(
            $"""
            UPDATE conversations c SET unread_count = 0, updated_at = ({now} AT TIME ZONE 'UTC')
            FROM (SELECT id, unread_count FROM conversations
                  WHERE id = {conversationId} AND ({all} OR user_id = {userId} OR user_id IS NULL) FOR UPDATE) old
            WHERE c.id = old.id AND old.unread_count > 0
            RETURNING c.lead_id AS "LeadId", c.user_id AS "UserId", old.unread_count AS "Cleared"
            """).ToListAsync(ct);
        if (read.Count == 0) return false;
        db.Record("conversation.read", $"{await Users.UserAccounts.NameAsync(db, userId, ct)} read {read[0].Cleared} new message{(read[0].Cleared == 1 ? "" : "s")}.",
            new { conversationId, before = read[0].Cleared, after = 0 }, userId: userId, leadId: read[0].LeadId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(InboxEvents.ConversationChanged, conversationId, ForUserId: read[0].UserId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The lead's conversation on a channel, opened empty when there is none yet (to write the first message).</summary>
    public async Task<string> EnsureAsync(string leadId, ConversationChannel channel, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Conversations.Where(c => c.LeadId == leadId && c.Channel == channel).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var lead = await db.Leads.Where(l => l.Id == leadId).Select(l => new { l.ContactId, RepId = l.Company == null ? null : l.Company.AssignedRepId }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
        var now = Stamp();
        var id = Guid.CreateVersion7().ToString();
        var channelName = channel.ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO conversations (id, lead_id, contact_id, user_id, channel, unread_count, is_archived, created_at, updated_at)
            VALUES ({id}, {leadId}, {lead.ContactId}, {lead.RepId}, {channelName}::"ConversationChannel", 0, false, ({now} AT TIME ZONE 'UTC'), ({now} AT TIME ZONE 'UTC'))
            ON CONFLICT (lead_id, channel) DO NOTHING
            """, ct);
        return await db.Conversations.Where(c => c.LeadId == leadId && c.Channel == channel).Select(c => c.Id).FirstAsync(ct);
    }

    public async Task AssignAsync(string conversationId, string? assigneeId, InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conversation = await Locked(db, conversationId, viewer, ct);
        var actingUserId = viewer.UserId;
        if (conversation.UserId == assigneeId) return;
        string? assigneeName = null;
        if (assigneeId is not null)
        {
            var user = await db.Users.Where(u => u.Id == assigneeId).Select(u => new { u.IsActive, Name = u.FirstName + " " + u.LastName }).FirstOrDefaultAsync(ct);
            if (user is not { IsActive: true }) throw new ValidationFailedException("userId", "That user cannot take conversations (unknown or deactivated).");
            assigneeName = user.Name;
        }
        var before = conversation.UserId;
        conversation.UserId = assigneeId;
        conversation.UpdatedAt = Stamp();
        var contact = await ContactNameAsync(db, conversation, ct);
        var actor = await Users.UserAccounts.NameAsync(db, actingUserId, ct);
        db.Record("conversation.assigned", assigneeName is null ? $"{actor} unassigned the conversation with {contact}." : $"{actor} assigned the conversation with {contact} to {assigneeName}.",
            new { conversationId, before, after = assigneeId }, userId: actingUserId, leadId: conversation.LeadId, contactId: conversation.ContactId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(InboxEvents.ConversationChanged, conversationId), ct);
        if (assigneeId is not null && assigneeId != actingUserId)
            await db.PublishAsync(new LiveEvent("inbox.assigned", conversationId, $"{actor} assigned you the conversation with {contact}.", assigneeId), ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetArchivedAsync(string conversationId, bool archived, InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conversation = await Locked(db, conversationId, viewer, ct);
        var actingUserId = viewer.UserId;
        if (conversation.IsArchived == archived) return;
        conversation.IsArchived = archived;
        conversation.UpdatedAt = Stamp();
        db.Record(archived ? "conversation.archived" : "conversation.unarchived",
            $"{await Users.UserAccounts.NameAsync(db, actingUserId, ct)} {(archived ? "archived" : "moved back to the inbox")} the conversation with {await ContactNameAsync(db, conversation, ct)}.",
            new { conversationId, before = !archived, after = archived }, userId: actingUserId, leadId: conversation.LeadId, contactId: conversation.ContactId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(InboxEvents.ConversationChanged, conversationId, ForUserId: conversation.UserId), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The row locked for a change; the viewer's rule is part of the locked query, so a concurrent reassignment is seen.</summary>
    static async Task<Conversation> Locked(CrmDbContext db, string id, InboxViewer viewer, CancellationToken ct)
    {
        var all = viewer.SeesEveryConversation;
        return await db.Conversations.FromSql(
                $"SELECT *, xmin FROM conversations WHERE id = {id} AND ({all} OR user_id = {viewer.UserId} OR user_id IS NULL) FOR UPDATE")
                .FirstOrDefaultAsync(ct)
            ?? throw NotFound();
    }

    /// <summary>What an unknown id and a conversation the viewer may not see both answer.</summary>
    internal static ValidationFailedException NotFound() => new("conversation", "This conversation no longer exists.");


    static async Task<string> ContactNameAsync(CrmDbContext db, Conversation c, CancellationToken ct) =>
        await db.Contacts.Where(x => x.Id == c.ContactId).Select(x => ContactRules.DisplayName(x.FullName, x.Email, x.Phone)).FirstOrDefaultAsync(ct) ?? "a contact";

    DateTime Stamp() => clock.StoredNow();

    sealed record ReadRow(string? LeadId, string? UserId, int Cleared);
}
