using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GpsLeaders.Data.Inbox.Sms;

public enum WebhookOutcome { Accepted, Duplicate, Unauthorized, BadRequest }

/// <summary>
/// Everything a gateway webhook does, for the endpoint: signature (with the gateway's own key; an unknown gateway
/// looks exactly like a bad signature), parsing, then the event. Fast on purpose: the gateway retries after 30 s.
/// </summary>
public sealed class SmsWebhookHandling(IDbContextFactory<CrmDbContext> dbs, SmsGatewayService gateways, SmsSending sending,
    TimeProvider clock, ILogger<SmsWebhookHandling> log)
{
    public const string OptOutConfirmation = "GPS Leaders: you're unsubscribed and will get no more texts. Reply START to opt back in.";

    public async Task<(WebhookOutcome Outcome, string? Problem)> HandleAsync(string gatewayId, string rawBody, string? signature, string? timestamp,
        CancellationToken ct = default)
    {
        var gateway = await gateways.CredentialsAsync(gatewayId, ct);
        if (gateway is null || !SmsWebhook.Verify(gateway.SigningKey, rawBody, signature, timestamp, clock.GetUtcNow()))
            return (WebhookOutcome.Unauthorized, "Invalid or missing signature.");
        var (envelope, problem) = SmsWebhook.Parse(rawBody);
        if (envelope is null) return (WebhookOutcome.BadRequest, problem);

        await gateways.SeenAsync(gateway.Id, ct);
        var p = envelope.Payload;
        await using var db = await dbs.CreateDbContextAsync(ct);
        switch (envelope.Event)
        {
            case "system:ping":
                return (WebhookOutcome.Accepted, null);
            case "sms:received":
                var at = Stamp(p!.ReceivedAt);
                var result = await SmsInbound.ReceiveAsync(db, envelope.Id!, p.Sender!, p.Recipient ?? gateway.FromE164, p.Message!, at, ct);
                if (result.Duplicate) return (WebhookOutcome.Duplicate, null);
                if (result is { Keyword: SmsKeyword.OptOut, EligibilityChanged: true, LeadId: { } leadId })
                    _ = ConfirmOptOutAsync(leadId); // answered once, after the webhook has its 200
                return (WebhookOutcome.Accepted, null);
            case "sms:sent":
                await SmsStatusUpdate.ApplyAsync(db, p!.MessageId!, SmsStatus.SENT, Stamp(p.SentAt), null, ct);
                return (WebhookOutcome.Accepted, null);
            case "sms:delivered":
                await SmsStatusUpdate.ApplyAsync(db, p!.MessageId!, SmsStatus.DELIVERED, Stamp(p.DeliveredAt), null, ct);
                return (WebhookOutcome.Accepted, null);
            case "sms:failed":
                await SmsStatusUpdate.ApplyAsync(db, p!.MessageId!, SmsStatus.FAILED, Stamp(p.FailedAt), p.Reason, ct);
                return (WebhookOutcome.Accepted, null);
            default:
                log.LogInformation("Ignoring gateway event {Event}", envelope.Event);
                return (WebhookOutcome.Accepted, null);
        }
    }

    async Task ConfirmOptOutAsync(string leadId)
    {
        try { await sending.SendAsync(leadId, OptOutConfirmation, null, ignoreOptOut: true, CancellationToken.None); }
        catch (Exception ex) { log.LogWarning(ex, "Opt-out confirmation to lead {LeadId} not sent", leadId); }
    }

    /// <summary>The phone's time for the event, unless its clock is far off (then the time we received it).</summary>
    DateTime Stamp(DateTimeOffset? at) => Platform.EventTime.Clamp(at, clock.GetUtcNow());
}
