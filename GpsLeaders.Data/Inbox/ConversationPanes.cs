using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox.Sms;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>One entry of a conversation's history, whatever the channel.</summary>
public sealed record PaneItem(string Id, DateTime At, MessageDirection Direction, string? Text, string? Html = null, SmsStatus? Status = null,
    string? Subject = null, string? From = null, string? To = null, CallOutcome? Outcome = null, int? DurationSeconds = null, string? RecordingUrl = null);

/// <summary>A conversation as its pane shows it: who, the lead, whether SMS may be sent, and the history oldest first.</summary>
public sealed record ConversationPane(string Id, string? LeadId, ConversationChannel Channel, string? ContactId, string ContactName, string? Phone,
    string? Email, string? CompanyId, string? CompanyName, LeadStage? Stage, string? AssigneeId, bool IsArchived, int UnreadCount,
    string? SmsRefusal, IReadOnlyList<PaneItem> Items);

static class ConversationPanes
{
    const int HistoryLimit = 300;

    public static async Task<ConversationPane?> LoadAsync(IDbContextFactory<CrmDbContext> dbs, string conversationId, InboxViewer viewer, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Conversations.AsNoTracking().VisibleTo(viewer).Where(x => x.Id == conversationId)
            .Select(x => new { x.Id, x.LeadId, x.Channel, x.UserId, x.IsArchived, x.UnreadCount, Contact = x.Contact ?? x.Lead!.Contact,
                CompanyId = x.Lead == null ? null : x.Lead.CompanyId, CompanyName = x.Lead == null || x.Lead.Company == null ? null : x.Lead.Company.Name,
                Stage = x.Lead == null ? (LeadStage?)null : x.Lead.Stage, Dnc = x.Lead != null && x.Lead.IsDnc })
            .FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var items = c.LeadId is null ? [] : c.Channel switch
        {
            ConversationChannel.SMS => await db.SmsMessages.AsNoTracking().Where(m => m.LeadId == c.LeadId)
                .OrderByDescending(m => m.CreatedAt).Take(HistoryLimit)
                .Select(m => new PaneItem(m.Id, m.CreatedAt, m.Direction, m.Body, null, m.Status, null, m.FromNumber, m.ToNumber, null, null, null))
                .ToListAsync(ct),
            ConversationChannel.EMAIL => await db.EmailMessages.AsNoTracking().Where(m => m.Thread.LeadId == c.LeadId)
                .OrderByDescending(m => m.SentAt ?? m.CreatedAt).Take(HistoryLimit)
                .Select(m => new PaneItem(m.Id, m.SentAt ?? m.CreatedAt, m.Direction, m.BodyText, m.BodyHtml, null, m.Subject ?? m.Thread.Subject, m.FromAddress, m.ToAddress, null, null, null))
                .ToListAsync(ct),
            _ => await db.CallLogs.AsNoTracking().Where(m => m.LeadId == c.LeadId)
                .OrderByDescending(m => m.CreatedAt).Take(HistoryLimit)
                .Select(m => new PaneItem(m.Id, m.CreatedAt, m.Direction, m.Notes, null, null, null, null, null, m.Outcome, m.DurationSeconds, m.RecordingUrl))
                .ToListAsync(ct),
        };
        items.Reverse();
        var contact = c.Contact;
        return new ConversationPane(c.Id, c.LeadId, c.Channel, contact?.Id, contact is null ? "(unknown)" : ContactRules.DisplayName(contact),
            contact?.PhoneE164 ?? contact?.Phone, contact?.Email, c.CompanyId, c.CompanyName, c.Stage, c.UserId, c.IsArchived, c.UnreadCount,
            contact is null ? "This conversation has no contact." : SmsSending.RefusalFor(contact, c.Dnc), items);
    }
}
