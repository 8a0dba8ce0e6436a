using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Bookings;

/// <summary>A booking as lists show it, with its meeting task (linked by the task's calendarEventId = the Cal.com uid).</summary>
public sealed record BookingRow(
    string Id, string? LeadId, string Title, string Attendee, string AttendeeEmail, DateTime StartAt, DateTime EndAt,
    BookingStatus Status, string? MeetingUrl, string? CancelReason, string? CompanyName,
    string? TaskId, string? TaskTitle, DateTime? TaskDueAt, bool TaskDone, string? TaskAssignee)
{
    /// <summary>Only web links are rendered as links: a location may be a street address or an integration name.</summary>
    public string? SafeMeetingUrl => Uri.TryCreate(MeetingUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        ? uri.AbsoluteUri : null;
}

/// <summary>Read side of bookings: a lead's, a company's, and those starting in a time window (the dashboard's today).</summary>
public sealed class BookingQueries(IDbContextFactory<CrmDbContext> dbs)
{
    public Task<List<BookingRow>> ForLeadAsync(string leadId, CancellationToken ct = default) =>
        ListAsync(q => q.Where(b => b.LeadId == leadId), 200, ct);

    public Task<List<BookingRow>> ForCompanyAsync(string companyId, CancellationToken ct = default) =>
        ListAsync(q => q.Where(b => b.Lead != null && b.Lead.CompanyId == companyId), 200, ct);

    /// <summary>Bookings starting in [fromUtc, toUtc), cancelled ones included (the status says so).</summary>
    public Task<List<BookingRow>> StartingBetweenAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default) =>
        ListAsync(q => q.Where(b => b.StartAt >= fromUtc && b.StartAt < toUtc && b.Status != BookingStatus.RESCHEDULED), 100, ct, ascending: true);

    async Task<List<BookingRow>> ListAsync(Func<IQueryable<Booking>, IQueryable<Booking>> filter, int take, CancellationToken ct, bool ascending = false)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = filter(db.Bookings.AsNoTracking());
        query = ascending ? query.OrderBy(b => b.StartAt) : query.OrderByDescending(b => b.StartAt);
        var rows = await query.Take(take).Select(b => new
        {
            b.Id, b.LeadId, b.EventTypeTitle, b.AttendeeName, b.AttendeeEmail, b.StartAt, b.EndAt, b.Status, b.MeetingUrl, b.CancelReason,
            Company = b.Lead == null || b.Lead.Company == null ? null : b.Lead.Company.Name,
            Task = db.Tasks.Where(t => t.CalendarEventId == b.CalBookingUid).OrderByDescending(t => t.CreatedAt)
                .Select(t => new { t.Id, t.Title, t.DueAt, t.IsCompleted, Assignee = t.AssignedTo == null ? null : t.AssignedTo.FirstName + " " + t.AssignedTo.LastName })
                .FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new BookingRow(r.Id, r.LeadId, r.EventTypeTitle, r.AttendeeName ?? r.AttendeeEmail, r.AttendeeEmail, r.StartAt, r.EndAt,
                r.Status, r.MeetingUrl, r.CancelReason, r.Company, r.Task?.Id, r.Task?.Title, r.Task?.DueAt, r.Task?.IsCompleted ?? false, r.Task?.Assignee)).ToList();
    }
}
