using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>What was said about a call. <paramref name="VoicemailDropId"/>: the pre-recorded voicemail left (outcome VOICEMAIL only).</summary>
public sealed record CallInput(MessageDirection Direction, CallOutcome Outcome, int? DurationSeconds, string? Notes, string? RecordingUrl = null,
    string? VoicemailDropId = null);

/// <summary>A call logged by hand or by the dialer: a CallLog on the lead's CALL conversation, with its Activity.</summary>
public sealed class CallLogging(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    /// <summary>Published with every recorded call (EntityId = lead, ForUserId = the rep): leaderboards and session stats re-read on it.</summary>
    public const string CallLoggedEvent = "call.logged";

    public async Task<CallLog> LogAsync(string leadId, CallInput input, string? actingUserId, string provider = "manual", CancellationToken ct = default)
    {
        Check(input);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var call = await RecordAsync(db, leadId, input, actingUserId, provider, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return call;
    }

    /// <summary>
    /// The use case's core inside the caller's transaction (the dialer's Save &amp; Next): checks the input, adds the CallLog
    /// and its <c>call.logged</c> Activity, saves, puts the call on the CALL conversation and publishes the inbox event
    /// (delivered when the caller commits).
    /// </summary>
    public static async Task<CallLog> RecordAsync(CrmDbContext db, string leadId, CallInput input, string? actingUserId, string provider,
        DateTime nowUtc, CancellationToken ct = default)
    {
        Check(input);
        var url = string.IsNullOrWhiteSpace(input.RecordingUrl) ? null : input.RecordingUrl.Trim();
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        var lead = await db.Leads.Include(l => l.Contact).FirstOrDefaultAsync(l => l.Id == leadId, ct)
            ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
        var drop = input.VoicemailDropId is { } dropId
            ? await db.VoicemailDrops.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dropId, ct)
              ?? throw new ValidationFailedException("voicemailDropId", "That voicemail drop no longer exists.")
            : null;
        var now = StoredTime.Of(nowUtc);
        var call = new CallLog
        {
            LeadId = leadId, ContactId = lead.ContactId, Direction = input.Direction, Outcome = input.Outcome,
            DurationSeconds = input.DurationSeconds, Notes = notes, RecordingUrl = url, Provider = provider, CreatedAt = now,
            VoicemailDropped = drop is not null,
        };
        db.CallLogs.Add(call);
        var who = ContactRules.DisplayName(lead.Contact);
        var summary = $"{(input.Direction == MessageDirection.INBOUND ? "Call from" : "Call to")} {who}: {Label(input.Outcome)}"
            + $"{(input.DurationSeconds is { } d and > 0 ? $", {d / 60}:{d % 60:00}" : "")}{(drop is null ? "" : $", voicemail drop \"{drop.Name}\" left")}.";
        object detail = drop is null
            ? new { callId = call.Id, direction = input.Direction.ToString(), outcome = input.Outcome.ToString(), input.DurationSeconds }
            : new { callId = call.Id, direction = input.Direction.ToString(), outcome = input.Outcome.ToString(), input.DurationSeconds, voicemailDropId = drop.Id, voicemailDrop = drop.Name };
        db.Record("call.logged", summary, detail, userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: now);
        await db.SaveChangesAsync(ct);
        var (conversationId, assignee) = await ConversationFeed.AddMessageAsync(db, leadId, lead.ContactId, ConversationChannel.CALL,
            summary + (notes is null ? "" : " " + notes), now, inbound: false, ct);
        await ConversationFeed.PublishAsync(db, conversationId, assignee, null, ct);
        await db.PublishAsync(new LiveEvent(CallLoggedEvent, leadId, ForUserId: actingUserId), ct);
        return call;
    }

    static void Check(CallInput input)
    {
        var check = new Validation();
        if (input.DurationSeconds is < 0 or > 86_400) check.Add("durationSeconds", "Duration must be between 0 and 24 hours.");
        if (input.Outcome != CallOutcome.CONNECTED && input.DurationSeconds is > 600) check.Add("durationSeconds", "Only a connected call can last more than 10 minutes.");
        var url = string.IsNullOrWhiteSpace(input.RecordingUrl) ? null : input.RecordingUrl.Trim();
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            check.Add("recordingUrl", "The recording link must start with http:// or https://.");
        if (input.Notes?.Trim().Length > 10_000) check.Add("notes", "Call notes can be at most 10,000 characters.");
        if (input.VoicemailDropId is not null && input.Outcome != CallOutcome.VOICEMAIL)
            check.Add("voicemailDropId", "A voicemail can only be dropped when the outcome is voicemail.");
        check.ThrowIfAny();
    }

    public static string Label(CallOutcome outcome) => outcome switch
    {
        CallOutcome.CONNECTED => "connected",
        CallOutcome.NO_ANSWER => "no answer",
        CallOutcome.VOICEMAIL => "voicemail",
        CallOutcome.BUSY => "busy",
        CallOutcome.WRONG_NUMBER => "wrong number",
        _ => outcome.ToString(),
    };
}
