using GpsLeaders.Data.LiveEvents;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>Live event types of the inbox. Subscribers re-read what they show.</summary>
public static class InboxEvents
{
    /// <summary>A conversation's list entry or history changed (EntityId = conversation id, ForUserId = its assignee).</summary>
    public const string ConversationChanged = "inbox.conversation_changed";

    /// <summary>A new inbound message (EntityId = conversation id, ForUserId = its assignee): the toast.</summary>
    public const string Inbound = "inbox.inbound";

    /// <summary>A lead answered (EntityId = lead id): sequences pause on it.</summary>
    public const string LeadReplied = "lead.replied";

    /// <summary>An SMS gateway was heard from or changed (EntityId = gateway id).</summary>
    public const string GatewayChanged = "inbox.gateway_changed";
}

/// <summary>
/// Puts a message on its lead's conversation for the channel. One atomic INSERT … ON CONFLICT on
/// (lead_id, channel), so concurrent inbound messages for one lead never lose an unread increment.
/// </summary>
public static class ConversationFeed
{
    public const int PreviewLength = 160;

    /// <summary>
    /// Records a message on the conversation (creating it, assigned to the company's rep, when it is the first)
    /// and returns the conversation id and assignee. Inbound messages count as unread and unarchive the thread.
    /// </summary>
    public static async Task<(string Id, string? UserId)> AddMessageAsync(CrmDbContext db, string leadId, string? contactId,
        ConversationChannel channel, string preview, DateTime at, bool inbound, CancellationToken ct)
    {
        var text = Preview(preview);
        var stamp = DateTime.SpecifyKind(at, DateTimeKind.Utc);
        var channelName = channel.ToString();
        var rows = await db.Database.SqlQuery<Touched>($"""
            INSERT INTO conversations AS c (id, lead_id, contact_id, user_id, channel, last_message_at, last_message_preview, unread_count, is_archived, created_at, updated_at)
            SELECT {Guid.CreateVersion7().ToString()}, l.id, COALESCE({contactId}, l.contact_id), co.assigned_rep_id, {channelName}::"ConversationChannel",
                   v.at, {text}, {(inbound ? 1 : 0)}, false, v.at, v.at
            FROM leads l LEFT JOIN companies co ON co.id = l.company_id
                 CROSS JOIN (SELECT ({stamp} AT TIME ZONE 'UTC')::timestamp(3) AS at) v -- the columns are timestamp(3) holding UTC
            WHERE l.id = {leadId}
            ON CONFLICT (lead_id, channel) DO UPDATE SET
                last_message_at = GREATEST(c.last_message_at, EXCLUDED.last_message_at),
                last_message_preview = CASE WHEN c.last_message_at IS NULL OR EXCLUDED.last_message_at >= c.last_message_at
                                            THEN EXCLUDED.last_message_preview ELSE c.last_message_preview END,
                unread_count = c.unread_count + EXCLUDED.unread_count,
                is_archived = CASE WHEN EXCLUDED.unread_count > 0 THEN false ELSE c.is_archived END,
                contact_id = COALESCE(c.contact_id, EXCLUDED.contact_id),
                updated_at = EXCLUDED.updated_at
            RETURNING c.id AS "Id", c.user_id AS "UserId"
            """).ToListAsync(ct);
        if (rows.Count == 0) throw new Platform.ValidationFailedException("leadId", "That lead no longer exists.");
        return (rows[0].Id, rows[0].UserId);
    }

    /// <summary>Publishes the list/pane change and, for inbound messages, the toast for the assignee.</summary>
    public static async Task PublishAsync(CrmDbContext db, string conversationId, string? assigneeId, string? inboundSummary, CancellationToken ct)
    {
        await db.PublishAsync(new LiveEvent(InboxEvents.ConversationChanged, conversationId, ForUserId: assigneeId), ct);
        if (inboundSummary is not null)
            await db.PublishAsync(new LiveEvent(InboxEvents.Inbound, conversationId, inboundSummary, assigneeId), ct);
    }

    public static string Preview(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= PreviewLength ? flat : flat[..(PreviewLength - 1)] + "…";
    }

    sealed record Touched(string Id, string? UserId);
}
