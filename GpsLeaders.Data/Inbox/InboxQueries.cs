using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

public enum InboxView { All, Unread, Mine, Unassigned }

/// <summary>What the inbox list shows. Reps see their own and unassigned conversations only.</summary>
public sealed record InboxFilter(InboxView View = InboxView.All, ConversationChannel? Channel = null, bool Archived = false);

public sealed record InboxRow(string Id, string? LeadId, ConversationChannel Channel, string ContactName, string? CompanyName, string? Preview,
    DateTime? LastMessageAt, int UnreadCount, string? AssigneeId, string? AssigneeName, bool IsArchived);

/// <summary>The keyset position after the last row shown (the list is ordered by last message, newest first).</summary>
public sealed record InboxCursor(DateTime LastMessageAt, string Id);

/// <summary>Reads for the inbox: the list (keyset paged), the unread badge and a conversation with its history.</summary>
public sealed class InboxQueries(IDbContextFactory<CrmDbContext> dbs)
{
    public async Task<List<InboxRow>> ListAsync(InboxFilter filter, string userId, bool repOnly, int take = 50, InboxCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Conversations.AsNoTracking().Where(c => c.IsArchived == filter.Archived && c.LastMessageAt != null);
        if (repOnly) q = q.Where(c => c.UserId == userId || c.UserId == null);
        q = filter.View switch
        {
            InboxView.Unread => q.Where(c => c.UnreadCount > 0),
            InboxView.Mine => q.Where(c => c.UserId == userId),
            InboxView.Unassigned => q.Where(c => c.UserId == null),
            _ => q,
        };
        if (filter.Channel is { } channel) q = q.Where(c => c.Channel == channel);
        if (after is not null)
            q = q.Where(c => c.LastMessageAt < after.LastMessageAt || (c.LastMessageAt == after.LastMessageAt && string.Compare(c.Id, after.Id) < 0));
        return await q.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(take)
            .Select(c => new InboxRow(c.Id, c.LeadId, c.Channel,
                c.Contact == null ? "(unknown)" : c.Contact.FullName ?? c.Contact.Email ?? c.Contact.Phone ?? "(no name)",
                c.Lead == null || c.Lead.Company == null ? null : c.Lead.Company.Name,
                c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.UserId,
                c.User == null ? null : c.User.FirstName + " " + c.User.LastName, c.IsArchived))
            .ToListAsync(ct);
    }

    /// <summary>The sidebar badge: unread messages over the open (not archived) conversations this user sees.</summary>
    public async Task<int> UnreadTotalAsync(string userId, bool repOnly, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Conversations.AsNoTracking().Where(c => !c.IsArchived && c.UnreadCount > 0);
        if (repOnly) q = q.Where(c => c.UserId == userId || c.UserId == null);
        return await q.SumAsync(c => c.UnreadCount, ct);
    }

    public Task<ConversationPane?> PaneAsync(string conversationId, CancellationToken ct = default) => ConversationPanes.LoadAsync(dbs, conversationId, ct);
}
