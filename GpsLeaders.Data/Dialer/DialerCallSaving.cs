using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>What the rep decided about one dialer call.</summary>
public sealed record DialerCall(
    CallOutcome Outcome,
    int? DurationSeconds = null,
    string? VoicemailDropId = null,
    string? DispositionTag = null,
    string? Note = null,
    DateTime? CallbackAtUtc = null,
    LeadStage? Stage = null,
    string? LostReason = null,
    string Provider = "dialer");

/// <summary>
/// The write half of Save &amp; Next, as part of the caller's transaction: the CallLog with its CALL conversation entry and
/// <c>call.logged</c> Activity (through <see cref="CallLogging.RecordAsync"/>), the disposition tag, the quick note, the
/// callback task, the stage change, the wrong-number flag, fresh score inputs, and the lease given back.
/// </summary>
public static class DialerCallSaving
{
    public static async Task<CallLog> SaveAsync(CrmDbContext db, IDispositionTagHook hook, string leadId, string userId, DialerCall call,
        DateTime nowUtc, CancellationToken ct)
    {
        var check = new Validation();
        var note = string.IsNullOrWhiteSpace(call.Note) ? null : call.Note.Trim();
        if (note?.Length > NoteService.MaxLength) check.Add("note", $"A note can be at most {NoteService.MaxLength:N0} characters.");
        if (call.CallbackAtUtc is { } due && (due <= nowUtc || due > nowUtc.AddYears(1))) check.Add("callback", "Pick a callback time in the coming year.");
        var lead = await db.Leads.Include(l => l.Contact).FirstOrDefaultAsync(l => l.Id == leadId, ct)
            ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
        Tag? tag = null;
        if (!string.IsNullOrWhiteSpace(call.DispositionTag))
        {
            var wanted = call.DispositionTag.Trim().ToLowerInvariant();
            tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Category == TagCategory.DISPOSITION && t.IsActive
                && (t.Slug == wanted || t.Name.ToLower() == wanted), ct);
            if (tag is null) check.Add("dispositionTag", $"There is no active disposition tag \"{call.DispositionTag.Trim()}\".");
        }
        var move = call.Stage is { } to ? LeadService.MoveStage(lead, to, call.LostReason, nowUtc, check) : null;
        check.ThrowIfAny();

        var log = await CallLogging.RecordAsync(db, leadId, new CallInput(MessageDirection.OUTBOUND, call.Outcome, call.DurationSeconds, note,
            VoicemailDropId: call.VoicemailDropId), userId, call.Provider, nowUtc, ct);
        var now = DateTime.SpecifyKind(log.CreatedAt, DateTimeKind.Utc);
        var who = ContactRules.DisplayName(lead.Contact);

        if (tag is not null) await LeadTagging.ApplyAsync(db, hook, leadId, tag.Slug, userId, now, ct);
        if (note is not null && lead.CompanyId is not null)
        {
            // V2 notes need a company; without one the note still lives on the call itself.
            await NoteService.AddAsync(db, lead.CompanyId, leadId, userId, note, now, via: "dialer", ct);
        }
        // The callback and the stage change are the Task and Lead services' own steps, in this transaction.
        var task = call.CallbackAtUtc is { } at
            ? await TaskService.AddAsync(db, new TaskInput($"Call back {who}", at, Type: TaskType.CALL, AssignedToId: userId, LeadId: leadId, Description: note), userId, now, ct)
            : null;
        if (move is not null) await LeadService.RecordMoveAsync(db, move, userId, now, ct);
        if (call.Outcome == CallOutcome.WRONG_NUMBER) WrongNumber.Flag(db, lead.Contact, leadId, userId, now);
        await db.SaveChangesAsync(ct);

        // The score job recomputes everything hourly; the inputs that a call changes for sure are kept fresh now.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO lead_scores AS s (id, lead_id, quality_score, engagement_score, deal_risk, last_interaction_at, days_since_contact, updated_at)
            VALUES ({Guid.CreateVersion7().ToString()}, {leadId}, 0, 0, 'UNKNOWN', ({now} AT TIME ZONE 'UTC')::timestamp(3), 0, ({now} AT TIME ZONE 'UTC')::timestamp(3))
            ON CONFLICT (lead_id) DO UPDATE SET last_interaction_at = GREATEST(s.last_interaction_at, EXCLUDED.last_interaction_at),
                days_since_contact = 0, updated_at = EXCLUDED.updated_at
            """, ct);
        await LeadLease.ReleaseAsync(db, leadId, userId, ct);

        await db.PublishAsync(new LiveEvent(LeadService.ChangedEvent, leadId), ct);
        if (tag is not null) await db.PublishAsync(new LiveEvent(LeadTagging.ChangedEvent, leadId), ct);
        if (note is not null && lead.CompanyId is not null) await db.PublishAsync(new LiveEvent(NoteService.ChangedEvent, lead.CompanyId), ct);
        if (task is not null) await db.PublishAsync(TaskService.Published(task, userId), ct);
        if (call.Outcome == CallOutcome.WRONG_NUMBER) await db.PublishAsync(new LiveEvent(ContactService.ChangedEvent, lead.ContactId), ct);
        return log;
    }
}
