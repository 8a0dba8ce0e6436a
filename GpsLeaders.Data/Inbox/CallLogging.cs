using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

public sealed record CallInput(MessageDirection Direction, CallOutcome Outcome, int? DurationSeconds, string? Notes, string? RecordingUrl = null);

/// <summary>A call logged by hand (the dialer will use the same path): a CallLog on the lead's CALL conversation, with its Activity.</summary>
public sealed class CallLogging(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public async Task<CallLog> LogAsync(string leadId, CallInput input, string? actingUserId, string provider = "manual", CancellationToken ct = default)
    {
        var check = new Validation();
        if (input.DurationSeconds is < 0 or > 86_400) check.Add("durationSeconds", "Duration must be between 0 and 24 hours.");
        if (input.Outcome != CallOutcome.CONNECTED && input.DurationSeconds is > 600) check.Add("durationSeconds", "Only a connected call can last more than 10 minutes.");
        var url = string.IsNullOrWhiteSpace(input.RecordingUrl) ? null : input.RecordingUrl.Trim();
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            check.Add("recordingUrl", "The recording link must start with http:// or https://.");
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes?.Length > 10_000) check.Add("notes", "Call notes can be at most 10,000 characters.");
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lead = await db.Leads.Include(l => l.Contact).FirstOrDefaultAsync(l => l.Id == leadId, ct)
            ?? throw new ValidationFailedException("leadId", "That lead no longer exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var call = new CallLog
        {
            LeadId = leadId, ContactId = lead.ContactId, Direction = input.Direction, Outcome = input.Outcome,
            DurationSeconds = input.DurationSeconds, Notes = notes, RecordingUrl = url, Provider = provider, CreatedAt = now,
        };
        db.CallLogs.Add(call);
        var who = ContactRules.DisplayName(lead.Contact);
        var summary = $"{(input.Direction == MessageDirection.INBOUND ? "Call from" : "Call to")} {who}: {Label(input.Outcome)}{(input.DurationSeconds is { } d and > 0 ? $", {d / 60}:{d % 60:00}" : "")}.";
        db.Record("call.logged", summary, new { callId = call.Id, direction = input.Direction.ToString(), outcome = input.Outcome.ToString(), input.DurationSeconds },
            userId: actingUserId, leadId: leadId, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: now);
        await db.SaveChangesAsync(ct);
        var (conversationId, assignee) = await ConversationFeed.AddMessageAsync(db, leadId, lead.ContactId, ConversationChannel.CALL,
            summary + (notes is null ? "" : " " + notes), now, inbound: false, ct);
        await ConversationFeed.PublishAsync(db, conversationId, assignee, null, ct);
        await tx.CommitAsync(ct);
        return call;
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
