using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>
/// Who reads or acts on the inbox. Reps work the inbox for their own leads: conversations assigned to them or to nobody;
/// admins, the owner and operators answer every conversation. Every read and change that takes a conversation id applies
/// this inside its query, so a refused id looks exactly like an unknown one (no hint that it exists).
/// </summary>
public sealed record InboxViewer(string UserId, UserRole Role)
{
    /// <summary>Listed roles only: a role added later starts restricted rather than seeing every thread.</summary>
    public bool SeesEveryConversation => Role is UserRole.ADMIN or UserRole.NICK or UserRole.OPERATOR;
}

static class InboxVisibility
{
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, InboxViewer viewer) =>
        viewer.SeesEveryConversation ? conversations : conversations.Where(c => c.UserId == viewer.UserId || c.UserId == null);

    /// <summary>The lead a reply in this conversation goes to; a conversation the viewer may not see is answered as an unknown one.</summary>
    public static async Task<string> LeadToReplyToAsync(IDbContextFactory<CrmDbContext> dbs, string conversationId, ConversationChannel channel,
        InboxViewer viewer, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(viewer).Where(c => c.Id == conversationId && c.Channel == channel)
            .Select(c => new { c.LeadId }).FirstOrDefaultAsync(ct) ?? throw ConversationActions.NotFound();
        return conversation.LeadId ?? throw new ValidationFailedException("conversation", "This conversation has no lead to write to.");
    }
}
