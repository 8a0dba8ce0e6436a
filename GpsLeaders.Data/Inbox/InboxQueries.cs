using GpsLeaders.Data.Contacts;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

public enum InboxView { All, Unread, Mine, Unassigned }

/// <summary>What the inbox list shows (within what the <see cref="InboxViewer"/> may see).</summary>
public sealed record InboxFilter(InboxView View = InboxView.All, ConversationChannel? Channel = null, bool Archived = false);

public sealed record InboxRow(string Id, string? LeadId, ConversationChannel Channel, string ContactName, string? CompanyName, string? Preview,
    DateTime? LastMessageAt, int UnreadCount, string? AssigneeId, string? AssigneeName, bool IsArchived);

/// <summary>The keyset position after the last row shown (the list is ordered by last message, newest first).</summary>
public sealed record InboxCursor(DateTime LastMessageAt, string Id);

/// <summary>Reads for the inbox: the list (keyset paged), the unread badge and a conversation with its history.</summary>
public sealed class InboxQueries(IDbContextFactory<CrmDbContext> dbs)
{
    public async Task<List<InboxRow>> ListAsync(InboxFilter filter, InboxViewer viewer, int take = 50, InboxCursor? after = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = viewer.UserId;
        var q = db.Conversations.AsNoTracking().VisibleTo(viewer).Where(c => c.IsArchived == filter.Archived && c.LastMessageAt != null);
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
                c.Contact == null ? "(unknown)" : ContactRules.DisplayName(c.Contact.FullName, c.Contact.Email, c.Contact.Phone),
                c.Lead == null || c.Lead.Company == null ? null : c.Lead.Company.Name,
                c.LastMessagePreview, c.LastMessageAt, c.UnreadCount, c.UserId,
                c.User == null ? null : c.User.FirstName + " " + c.User.LastName, c.IsArchived))
            .ToListAsync(ct);
    }

    /// <summary>The sidebar badge: unread messages over the open (not archived) conversations this user sees.</summary>
    public async Task<int> UnreadTotalAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Conversations.AsNoTracking().VisibleTo(viewer).Where(c => !c.IsArchived && c.UnreadCount > 0).SumAsync(c => c.UnreadCount, ct);
    }

    /// <summary>The conversation with its history, or null when it does not exist or is not the viewer's to see (the same answer).</summary>
    public Task<ConversationPane?> PaneAsync(string conversationId, InboxViewer viewer, CancellationToken ct = default) =>
        ConversationPanes.LoadAsync(dbs, conversationId, viewer, ct);
}
