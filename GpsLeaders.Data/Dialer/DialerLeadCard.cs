using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

public sealed record CardTag(string Slug, string Name, string Category);
public sealed record CardNote(string Body, DateTime At);
public sealed record CardActivity(string Type, string Summary, DateTime At);
public sealed record CardTask(string Title, TaskType Type, DateTime? DueAt);
public sealed record CardMessage(MessageDirection Direction, string Text, DateTime At);

/// <summary>Everything the rep needs on one screen about the lead being called.</summary>
public sealed record DialerLeadCard(
    string LeadId, string ContactId, string? CompanyId, string ContactName, string? Title, string? CompanyName, int? FleetSize,
    LeadStage Stage, bool IsDnc, string? Phone, string? Timezone, int? Quality, int? Engagement, DealRisk Risk,
    IReadOnlyList<CardTag> Tags, IReadOnlyList<CardNote> Notes, IReadOnlyList<CardActivity> Activities, IReadOnlyList<CardTask> OpenTasks,
    CardMessage? LastSms, CardMessage? LastEmail)
{
    /// <summary>Reads the card: one small indexed query per part (all by lead or contact id).</summary>
    public static async Task<DialerLeadCard?> LoadAsync(CrmDbContext db, string leadId, CancellationToken ct)
    {
        var head = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new
        {
            l.Id, l.ContactId, l.CompanyId, l.Contact.FirstName, l.Contact.LastName, l.Contact.FullName, l.Contact.Email, l.Contact.Title,
            CompanyName = l.Company == null ? null : l.Company.Name, FleetSize = l.Company == null ? null : l.Company.FleetSize,
            l.Stage, l.IsDnc, Phone = l.Contact.PhoneE164 ?? l.Contact.Phone, l.Contact.Timezone,
            Quality = l.LeadScore == null ? (int?)null : l.LeadScore.QualityScore,
            Engagement = l.LeadScore == null ? (int?)null : l.LeadScore.EngagementScore,
            Risk = l.LeadScore == null ? DealRisk.UNKNOWN : l.LeadScore.DealRisk,
        }).FirstOrDefaultAsync(ct);
        if (head is null) return null;

        var tags = await (from lt in db.LeadTags.Where(t => t.LeadId == leadId && t.RemovedAt == null)
                          join tag in db.Tags on lt.TagSlug equals tag.Slug into found
                          from tag in found.DefaultIfEmpty()
                          orderby lt.AppliedAt
                          select new CardTag(lt.TagSlug, tag == null ? lt.TagSlug : tag.Name, tag == null ? "CUSTOM" : tag.Category.ToString()))
            .ToListAsync(ct);
        var notes = await db.Notes.AsNoTracking().Where(n => n.LeadId == leadId).OrderByDescending(n => n.CreatedAt).Take(3)
            .Select(n => new CardNote(n.Body, n.CreatedAt)).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.LeadId == leadId).OrderByDescending(a => a.OccurredAt).Take(6)
            .Select(a => new CardActivity(a.ActivityType, a.Summary, a.OccurredAt)).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.LeadId == leadId && !t.IsCompleted).OrderBy(t => t.DueAt).Take(5)
            .Select(t => new CardTask(t.Title, t.TaskType, t.DueAt)).ToListAsync(ct);
        var sms = await db.SmsMessages.AsNoTracking().Where(m => m.LeadId == leadId).OrderByDescending(m => m.CreatedAt)
            .Select(m => new CardMessage(m.Direction, m.Body, m.CreatedAt)).FirstOrDefaultAsync(ct);
        var email = await db.EmailMessages.AsNoTracking().Where(m => m.Thread.LeadId == leadId).OrderByDescending(m => m.CreatedAt)
            .Select(m => new CardMessage(m.Direction, (m.Subject ?? "(no subject)") + (m.BodyText == null ? "" : " — " + m.BodyText.Substring(0, 160)), m.CreatedAt))
            .FirstOrDefaultAsync(ct);

        var name = ContactRules.DisplayName(new Contact { FirstName = head.FirstName, LastName = head.LastName, FullName = head.FullName, Email = head.Email, Phone = head.Phone });
        return new DialerLeadCard(head.Id, head.ContactId, head.CompanyId, name, head.Title, head.CompanyName, head.FleetSize, head.Stage, head.IsDnc,
            head.Phone, head.Timezone, head.Quality, head.Engagement, head.Risk, tags, notes, activities, tasks, sms, email);
    }
}
