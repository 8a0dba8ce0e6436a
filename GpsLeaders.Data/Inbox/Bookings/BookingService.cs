using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Bookings;

/// <summary>
/// What a webhook delivery did: Duplicate, Outdated and Ignored change nothing (Cal.com retries, an event older than
/// what the booking already reflects, PINGs and unknown triggers).
/// </summary>
public enum BookingOutcome { Created, Rescheduled, Cancelled, Duplicate, Outdated, Ignored }

public sealed record BookingResult(BookingOutcome Outcome, string? BookingId = null);

/// <summary>
/// Applies Cal.com booking events: upsert by calBookingUid, link the attendee's contact and lead (created when unknown),
/// keep one meeting task for the company's rep (linked through the task's calendarEventId = the booking uid),
/// one Activity per change and a live event. Redelivery of the same event changes nothing.
/// Cal.com does not deliver in order: an event applies only when its envelope <c>createdAt</c> is newer than the event the
/// booking already reflects (its raw payload is that event), so a late older reschedule never revives a cancelled booking.
/// </summary>
public sealed class BookingService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string ChangedEvent = "booking.changed";
    public const string Source = "inbound_booking";

    public async Task<BookingResult> ApplyAsync(CalcomEvent evt, string rawJson, CancellationToken ct = default)
    {
        if (evt.Trigger == CalcomTrigger.Other) return new BookingResult(BookingOutcome.Ignored);
        if (string.IsNullOrWhiteSpace(evt.Uid)) throw new ValidationFailedException("payload.uid", "The booking uid is required.");
        if (evt.StartAt is null) throw new ValidationFailedException("payload.startTime", "The start time is required.");

        // A sender clock far ahead would make its event outrank every later one.
        if (evt.CreatedAt is { } claimed) evt = evt with { CreatedAt = EventTime.NotAhead(claimed, clock.GetUtcNow()) };

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Cal.com retries and may deliver twice at once: serialise on the uids (sorted, so two events never deadlock), then check.
        var rescheduleOf = evt.RescheduleUid is { Length: > 0 } old && old != evt.Uid ? old : null;
        foreach (var uid in new[] { evt.Uid, rescheduleOf }.OfType<string>().Order(StringComparer.Ordinal))
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"booking:" + uid}, 0))", ct);

        var existing = await db.Bookings.FirstOrDefaultAsync(b => b.CalBookingUid == evt.Uid, ct);
        var replaced = existing is null && rescheduleOf is not null && evt.Trigger != CalcomTrigger.BookingCancelled ? await db.Bookings.FirstOrDefaultAsync(b => b.CalBookingUid == rescheduleOf, ct) : null;
        if ((existing ?? replaced) is { } known && IsOutdated(evt, known))
            return new BookingResult(existing is not null && evt.Trigger == CalcomTrigger.BookingCancelled && known.Status == BookingStatus.CANCELLED
                ? BookingOutcome.Duplicate : BookingOutcome.Outdated, known.Id);
        var result = evt.Trigger switch
        {
            CalcomTrigger.BookingCancelled => await CancelAsync(db, evt, existing, rawJson, ct),
            _ when existing is not null => await MoveInPlaceAsync(db, evt, existing, rawJson, ct),
            _ when rescheduleOf is not null => await RescheduleAsync(db, evt, rescheduleOf, rawJson, ct),
            _ => await CreateAsync(db, evt, rawJson, ct),
        };
        if (result.Outcome != BookingOutcome.Duplicate) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// True when <paramref name="booking"/> already reflects an event at least as new as <paramref name="evt"/>.
    /// Without a time to compare, a cancellation stays final and anything else applies as before.
    /// </summary>
    static bool IsOutdated(CalcomEvent evt, Booking booking)
    {
        var asOf = ReflectsEventOf(booking);
        if (evt.CreatedAt is not { } created) return booking.Status == BookingStatus.CANCELLED;
        return asOf is not null && created <= asOf;
    }

    /// <summary>
    /// The Cal.com time of the last event applied to the booking: its raw payload's createdAt (no later than when we
    /// applied it, so a sender clock far ahead cannot freeze the booking), or its cancellation when that time is missing.
    /// </summary>
    static DateTime? ReflectsEventOf(Booking booking)
    {
        var created = CalcomWebhook.CreatedAtOf(booking.RawPayload);
        if (created is { } c && c > booking.UpdatedAt + EventTime.MaxAhead) created = booking.UpdatedAt;
        return created ?? (booking.Status == BookingStatus.CANCELLED ? booking.CancelledAt : null);
    }

    async Task<BookingResult> CreateAsync(CrmDbContext db, CalcomEvent evt, string rawJson, CancellationToken ct)
    {
        var booking = await NewBookingAsync(db, evt, rawJson, ct);
        var party = await PartyAsync(db, booking, ct);
        var task = NewTask(db, booking, party);
        await db.SaveChangesAsync(ct);
        var summary = $"Booking: {booking.EventTypeTitle} with {Attendee(booking)} on {booking.StartAt:MMM d, yyyy h:mm tt} UTC.";
        db.Record("booking.created", summary, Detail(booking, task), leadId: booking.LeadId, companyId: party.CompanyId, contactId: booking.ContactId);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, booking, party, $"New booking: {booking.EventTypeTitle} with {Attendee(booking)}", ct);
        return new BookingResult(BookingOutcome.Created, booking.Id);
    }

    /// <summary>A new uid replacing <paramref name="oldUid"/>: the old one becomes RESCHEDULED, its task moves to the new time.</summary>
    async Task<BookingResult> RescheduleAsync(CrmDbContext db, CalcomEvent evt, string oldUid, string rawJson, CancellationToken ct)
    {
        var previous = await db.Bookings.FirstOrDefaultAsync(b => b.CalBookingUid == oldUid, ct);
        if (previous is null) return await CreateAsync(db, evt, rawJson, ct); // the original never reached us: start from this one
        var booking = await NewBookingAsync(db, evt, rawJson, ct);
        booking.LeadId ??= previous.LeadId;
        booking.ContactId ??= previous.ContactId;
        var party = await PartyAsync(db, booking, ct);
        previous.Status = BookingStatus.RESCHEDULED;
        previous.UpdatedAt = Now();
        previous.RawPayload = rawJson; // the event it now reflects, so an older one about it arriving late is refused
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.CalendarEventId == oldUid, ct);
        if (task is null) task = NewTask(db, booking, party);
        else MoveTask(task, booking);
        await db.SaveChangesAsync(ct);
        db.Record("booking.rescheduled", $"Booking {booking.EventTypeTitle} with {Attendee(booking)} moved from {previous.StartAt:MMM d h:mm tt} to {booking.StartAt:MMM d h:mm tt} UTC.",
            new { before = new { uid = oldUid, previous.StartAt, previous.EndAt }, after = Detail(booking, task) },
            leadId: booking.LeadId, companyId: party.CompanyId, contactId: booking.ContactId);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, booking, party, $"Booking moved: {booking.EventTypeTitle} with {Attendee(booking)}", ct);
        return new BookingResult(BookingOutcome.Rescheduled, booking.Id);
    }

    /// <summary>A known uid again: a retry (nothing changes) or a reschedule that kept its uid (the times move).</summary>
    async Task<BookingResult> MoveInPlaceAsync(CrmDbContext db, CalcomEvent evt, Booking booking, string rawJson, CancellationToken ct)
    {
        var end = evt.EndAt ?? evt.StartAt!.Value;
        if (evt.Trigger == CalcomTrigger.BookingCreated || (booking.StartAt == evt.StartAt && booking.EndAt == end))
            return new BookingResult(BookingOutcome.Duplicate, booking.Id);
        var before = new { booking.StartAt, booking.EndAt };
        (booking.StartAt, booking.EndAt, booking.Status, booking.RawPayload, booking.UpdatedAt) = (evt.StartAt!.Value, end, BookingStatus.SCHEDULED, rawJson, Now());
        var party = await PartyAsync(db, booking, ct);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.CalendarEventId == booking.CalBookingUid, ct);
        if (task is not null) MoveTask(task, booking);
        db.Record("booking.rescheduled", $"Booking {booking.EventTypeTitle} with {Attendee(booking)} moved to {booking.StartAt:MMM d h:mm tt} UTC.",
            new { before, after = Detail(booking, task) }, leadId: booking.LeadId, companyId: party.CompanyId, contactId: booking.ContactId);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, booking, party, $"Booking moved: {booking.EventTypeTitle} with {Attendee(booking)}", ct);
        return new BookingResult(BookingOutcome.Rescheduled, booking.Id);
    }

    async Task<BookingResult> CancelAsync(CrmDbContext db, CalcomEvent evt, Booking? booking, string rawJson, CancellationToken ct)
    {
        if (booking?.Status == BookingStatus.CANCELLED) return new BookingResult(BookingOutcome.Duplicate, booking.Id);
        var now = Now();
        if (booking is null) booking = await NewBookingAsync(db, evt, rawJson, ct); // cancelled before we heard of it: keep the record
        else booking.RawPayload = rawJson;
        (booking.Status, booking.CancelledAt, booking.CancelReason, booking.UpdatedAt) =
            (BookingStatus.CANCELLED, now, Trim(evt.CancellationReason, 1000), now);
        var party = await PartyAsync(db, booking, ct);
        // TaskService has no "cancelled" state: the meeting task is completed with the reason in its description.
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.CalendarEventId == booking.CalBookingUid && !t.IsCompleted, ct);
        if (task is not null)
        {
            (task.IsCompleted, task.CompletedAt, task.UpdatedAt) = (true, now, now);
            var note = $"Meeting cancelled {now:MMM d, yyyy h:mm tt} UTC" + (booking.CancelReason is { } r ? $": {r}" : ".");
            task.Description = task.Description is null ? note : task.Description + "\n" + note;
        }
        await db.SaveChangesAsync(ct);
        db.Record("booking.cancelled", $"Booking {booking.EventTypeTitle} with {Attendee(booking)} cancelled" + (booking.CancelReason is { } reason ? $": {reason}" : "."),
            new { uid = booking.CalBookingUid, bookingId = booking.Id, booking.StartAt, reason = booking.CancelReason, taskId = task?.Id },
            leadId: booking.LeadId, companyId: party.CompanyId, contactId: booking.ContactId);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, booking, party, $"Booking cancelled: {booking.EventTypeTitle} with {Attendee(booking)}", ct);
        return new BookingResult(BookingOutcome.Cancelled, booking.Id);
    }

    async Task<Booking> NewBookingAsync(CrmDbContext db, CalcomEvent evt, string rawJson, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(evt.AttendeeEmail))
            throw new ValidationFailedException("payload.attendees", "The booking has no attendee email to link it to a contact.");
        var party = await InboundParties.ByEmailAsync(db, evt.AttendeeEmail, evt.AttendeeName, Source, ct);
        var booking = new Booking
        {
            CalBookingUid = evt.Uid!,
            LeadId = party.Lead.Id,
            ContactId = party.Contact.Id,
            AttendeeEmail = party.Contact.EmailNormalized ?? evt.AttendeeEmail.Trim().ToLowerInvariant(),
            AttendeeName = Trim(evt.AttendeeName, 200),
            EventTypeSlug = Trim(evt.EventTypeSlug, 200) ?? "meeting",
            EventTypeTitle = Trim(evt.Title, 300) ?? Trim(evt.EventTypeSlug, 300) ?? "Meeting",
            StartAt = evt.StartAt!.Value,
            EndAt = evt.EndAt ?? evt.StartAt!.Value,
            MeetingUrl = Trim(evt.MeetingUrl, 2000),
            RawPayload = rawJson,
            CreatedAt = Now(),
            UpdatedAt = Now(),
        };
        db.Bookings.Add(booking);
        return booking;
    }

    sealed record Party(string? CompanyId, string? RepId);

    /// <summary>The lead's company and its rep (only an active one gets the task).</summary>
    static async Task<Party> PartyAsync(CrmDbContext db, Booking booking, CancellationToken ct)
    {
        if (booking.LeadId is null) return new Party(null, null);
        var row = await db.Leads.Where(l => l.Id == booking.LeadId)
            .Select(l => new { l.CompanyId, Rep = l.Company == null ? null : l.Company.AssignedRepId }).FirstOrDefaultAsync(ct);
        if (row is null) return new Party(null, null);
        var rep = row.Rep is not null && await db.Users.AnyAsync(u => u.Id == row.Rep && u.IsActive, ct) ? row.Rep : null;
        return new Party(row.CompanyId, rep);
    }

    TaskItem NewTask(CrmDbContext db, Booking booking, Party party)
    {
        var task = new TaskItem
        {
            Title = TaskTitle(booking),
            Description = booking.MeetingUrl is { } url ? $"Cal.com booking {booking.CalBookingUid}. Join: {url}" : $"Cal.com booking {booking.CalBookingUid}.",
            TaskType = TaskType.CALL,
            Priority = TaskPriority.HIGH,
            DueAt = booking.StartAt,
            DurationMin = Math.Clamp((int)(booking.EndAt - booking.StartAt).TotalMinutes, 0, 24 * 60),
            CalendarEventId = booking.CalBookingUid,
            AssignedToId = party.RepId,
            LeadId = booking.LeadId,
            CompanyId = party.CompanyId,
            CreatedAt = Now(),
            UpdatedAt = Now(),
        };
        db.Tasks.Add(task);
        return task;
    }

    void MoveTask(TaskItem task, Booking booking)
    {
        (task.DueAt, task.CalendarEventId, task.Title, task.UpdatedAt) = (booking.StartAt, booking.CalBookingUid, TaskTitle(booking), Now());
        task.DurationMin = Math.Clamp((int)(booking.EndAt - booking.StartAt).TotalMinutes, 0, 24 * 60);
        (task.IsCompleted, task.CompletedAt) = (false, null);
    }

    static async Task PublishAsync(CrmDbContext db, Booking booking, Party party, string toast, CancellationToken ct)
    {
        await db.PublishAsync(new LiveEvent(ChangedEvent, booking.LeadId, toast, ForUserId: party.RepId), ct);
        // Task lists and the rep's "my tasks" refresh too.
        await db.PublishAsync(new LiveEvent(TaskService.ChangedEvent, booking.LeadId, ForUserId: party.RepId), ct);
    }

    static object Detail(Booking b, TaskItem? task) =>
        new { uid = b.CalBookingUid, bookingId = b.Id, b.StartAt, b.EndAt, status = b.Status.ToString(), b.EventTypeSlug, b.MeetingUrl, taskId = task?.Id, assignedTo = task?.AssignedToId };

    static string TaskTitle(Booking b) => Trim($"Meeting: {b.EventTypeTitle} with {Attendee(b)}", 300)!;

    static string Attendee(Booking b) => b.AttendeeName ?? b.AttendeeEmail;

    static string? Trim(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();

    DateTime Now() => clock.StoredNow();
}
