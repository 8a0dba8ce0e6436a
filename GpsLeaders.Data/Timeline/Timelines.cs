using GpsLeaders.Data.Activities;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Timeline;

public enum TimelineKind { Activity, Note, Sms, Email, Call, Booking }

/// <summary>One line of a timeline, whatever its source table.</summary>
public sealed record TimelineEntry(TimelineKind Kind, string Id, DateTime At, string Title, string? Body, string? Actor, string? ActivityType = null);

/// <summary>Whose timeline: a company (with its leads and contacts), a lead, or a contact.</summary>
public sealed record TimelineScope(string? CompanyId = null, string? LeadId = null, string? ContactId = null);

/// <summary>
/// Timelines merge activities, notes, SMS, email, calls and bookings in time order, newest first, a page at a
/// time (keyset on time: each source is asked for its newest rows before the cursor, then the pages are merged).
/// Every source query goes through an indexed column (company_id, lead_id, contact_id on the tables that index it).
/// </summary>
public sealed class Timelines(IDbContextFactory<CrmDbContext> dbs)
{
    public async Task<IReadOnlyList<TimelineEntry>> PageAsync(TimelineScope scope, DateTime? before = null, int take = 30, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cutoff = before ?? DateTime.MaxValue;
        var (leadIds, contactIds) = await RelatedAsync(db, scope, ct);
        var activities = await ActivitiesInScopeAsync(db, scope, leadIds, ct);
        activities = activities.Where(a => a.OccurredAt < cutoff);
        // A note shows once: as itself, not also as the "added a note" activity written with it (same author, company
        // and time). A note.added activity whose note is gone (or was bulk-seeded without one) still shows.
        activities = activities.Where(a => a.ActivityType != "note.added"
            || !db.Notes.Any(n => n.CompanyId == a.CompanyId && n.CreatedAt == a.OccurredAt && n.AuthorId == a.UserId));
        activities = WithoutRowsShownAsThemselves(db, activities, leadIds, contactIds);
        var entries = new List<TimelineEntry>();
        entries.AddRange(await activities.OrderByDescending(a => a.OccurredAt).Take(take)
            .Select(a => new TimelineEntry(TimelineKind.Activity, a.Id, a.OccurredAt, a.Summary, null,
                a.User == null ? null : a.User.FirstName + " " + a.User.LastName, a.ActivityType))
            .ToListAsync(ct));

        var notes = db.Notes.AsNoTracking().Where(n => n.CreatedAt < cutoff);
        notes = scope.CompanyId is not null ? notes.Where(n => n.CompanyId == scope.CompanyId)
            : scope.LeadId is not null ? notes.Where(n => n.LeadId == scope.LeadId)
            : notes.Where(n => false);
        entries.AddRange(await notes.OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new TimelineEntry(TimelineKind.Note, n.Id, n.CreatedAt, n.EditedAt == null ? "Note" : "Note (edited)", n.Body,
                n.Author.FirstName + " " + n.Author.LastName))
            .ToListAsync(ct));

        entries.AddRange(await db.SmsMessages.AsNoTracking()
            .Where(m => m.CreatedAt < cutoff && ((m.LeadId != null && leadIds.Contains(m.LeadId)) || (m.ContactId != null && contactIds.Contains(m.ContactId))))
            .OrderByDescending(m => m.CreatedAt).Take(take)
            .Select(m => new TimelineEntry(TimelineKind.Sms, m.Id, m.CreatedAt,
                m.Direction == Inbox.MessageDirection.INBOUND ? "SMS received from " + m.FromNumber : "SMS sent to " + m.ToNumber, m.Body, null))
            .ToListAsync(ct));

        entries.AddRange(await db.CallLogs.AsNoTracking()
            .Where(c => c.CreatedAt < cutoff && c.LeadId != null && leadIds.Contains(c.LeadId))
            .OrderByDescending(c => c.CreatedAt).Take(take)
            .Select(c => new TimelineEntry(TimelineKind.Call, c.Id, c.CreatedAt,
                (c.Direction == Inbox.MessageDirection.INBOUND ? "Inbound call: " : "Outbound call: ") + c.Outcome.ToString().ToLower().Replace('_', ' ')
                    + (c.DurationSeconds == null ? "" : " (" + c.DurationSeconds + " s)"), c.Notes, null))
            .ToListAsync(ct));

        entries.AddRange(await db.EmailMessages.AsNoTracking()
            .Where(m => m.CreatedAt < cutoff && m.Thread.LeadId != null && leadIds.Contains(m.Thread.LeadId))
            .OrderByDescending(m => m.CreatedAt).Take(take)
            .Select(m => new TimelineEntry(TimelineKind.Email, m.Id, m.SentAt ?? m.CreatedAt,
                (m.Direction == Inbox.MessageDirection.INBOUND ? "Email from " + m.FromAddress : "Email to " + m.ToAddress) + (m.Subject == null ? "" : ": " + m.Subject),
                m.BodyText, null))
            .ToListAsync(ct));

        entries.AddRange((await db.Bookings.AsNoTracking()
            .Where(b => b.CreatedAt < cutoff && ((b.LeadId != null && leadIds.Contains(b.LeadId)) || (b.ContactId != null && contactIds.Contains(b.ContactId))))
            .OrderByDescending(b => b.CreatedAt).Take(take)
            .Select(b => new TimelineEntry(TimelineKind.Booking, b.Id, b.CreatedAt,
                "Booking: " + b.EventTypeTitle + " with " + (b.AttendeeName ?? b.AttendeeEmail), b.Status.ToString(), null))
            .ToListAsync(ct))
            // The status in words ("Cancelled"), never the stored label.
            .Select(e => e with { Body = Enum.TryParse<Inbox.BookingStatus>(e.Body, out var status) ? Platform.EnumLabels.Describe(status) : e.Body }));

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(take).ToList();
    }

    /// <summary>
    /// A call, text or email shows once: as its own row (outcome and duration, body, direction), not also as the activity
    /// written with it. The activity names its row by id in its detail (callId, messageId); one without (the demo data's)
    /// matches a row of the same lead, direction and time. An activity whose row is gone, or never had one, still shows.
    /// Only rows this timeline shows count (the same lead and contact conditions as the row queries below).
    /// </summary>
    static IQueryable<Activity> WithoutRowsShownAsThemselves(CrmDbContext db, IQueryable<Activity> activities, List<string> leadIds, List<string> contactIds) =>
        activities.Where(a =>
            !(a.ActivityType == "call.logged" && db.CallLogs.Any(c => c.LeadId != null && leadIds.Contains(c.LeadId)
                && (ActivityDetail.Field(a.Detail, "callId") != null
                    ? c.Id == ActivityDetail.Field(a.Detail, "callId")
                    : c.LeadId == a.LeadId && c.CreatedAt == a.OccurredAt)))
            && !((a.ActivityType == "sms.sent" || a.ActivityType == "sms.received") && db.SmsMessages.Any(m =>
                ((m.LeadId != null && leadIds.Contains(m.LeadId)) || (m.ContactId != null && contactIds.Contains(m.ContactId)))
                && (ActivityDetail.Field(a.Detail, "messageId") != null
                    ? m.Id == ActivityDetail.Field(a.Detail, "messageId")
                    : m.LeadId == a.LeadId && m.CreatedAt == a.OccurredAt
                      && m.Direction == (a.ActivityType == "sms.received" ? Inbox.MessageDirection.INBOUND : Inbox.MessageDirection.OUTBOUND))))
            && !((a.ActivityType == "email.sent" || a.ActivityType == "email.received") && db.EmailMessages.Any(m =>
                m.Thread.LeadId != null && leadIds.Contains(m.Thread.LeadId)
                && (ActivityDetail.Field(a.Detail, "messageId") != null
                    ? m.Id == ActivityDetail.Field(a.Detail, "messageId")
                    : m.Thread.LeadId == a.LeadId && (m.SentAt ?? m.CreatedAt) == a.OccurredAt
                      && m.Direction == (a.ActivityType == "email.received" ? Inbox.MessageDirection.INBOUND : Inbox.MessageDirection.OUTBOUND)))));

    /// <summary>
    /// activities.contact_id has no index, so a contact's activities are reached through its company's (indexed)
    /// and its leads' (indexed); only a contact without a company falls back to a scan.
    /// </summary>
    static async Task<IQueryable<Activity>> ActivitiesInScopeAsync(CrmDbContext db, TimelineScope scope, List<string> leadIds, CancellationToken ct)
    {
        var all = db.Activities.AsNoTracking();
        if (scope.CompanyId is { } companyId)
            return all.Where(a => a.CompanyId == companyId || (a.LeadId != null && leadIds.Contains(a.LeadId)));
        if (scope.LeadId is { } leadId)
            return all.Where(a => a.LeadId == leadId);
        var contactId = scope.ContactId;
        var contactCompany = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.CompanyId).FirstOrDefaultAsync(ct);
        return contactCompany is null
            ? all.Where(a => a.ContactId == contactId || (a.LeadId != null && leadIds.Contains(a.LeadId)))
            : all.Where(a => (a.CompanyId == contactCompany && a.ContactId == contactId) || (a.LeadId != null && leadIds.Contains(a.LeadId)));
    }

    /// <summary>The leads and contacts whose rows belong on this timeline (a company's, a lead's own, a contact's leads).</summary>
    static async Task<(List<string> Leads, List<string> Contacts)> RelatedAsync(CrmDbContext db, TimelineScope scope, CancellationToken ct)
    {
        if (scope.CompanyId is { } companyId)
            return (await db.Leads.Where(l => l.CompanyId == companyId).Select(l => l.Id).ToListAsync(ct),
                    await db.Contacts.Where(c => c.CompanyId == companyId).Select(c => c.Id).ToListAsync(ct));
        if (scope.LeadId is { } leadId)
            return ([leadId], await db.Leads.Where(l => l.Id == leadId).Select(l => l.ContactId).ToListAsync(ct));
        var contactId = scope.ContactId ?? throw new ArgumentException("A timeline needs a company, a lead or a contact.", nameof(scope));
        return (await db.Leads.Where(l => l.ContactId == contactId).Select(l => l.Id).ToListAsync(ct), [contactId]);
    }
}
