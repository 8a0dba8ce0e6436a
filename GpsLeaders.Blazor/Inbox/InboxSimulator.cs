using System.Collections.Concurrent;
using System.Text.Json;
using GpsLeaders.Blazor.Platform;
using GpsLeaders.Data;
using GpsLeaders.Data.Inbox.Bookings;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Inbox.Sms;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Blazor.Inbox;

/// <summary>
/// Plays the customer's side on a development machine (Settings → Inbox simulator, on when <c>Simulator:Enabled</c>):
/// a "Simulator phone" gateway served by this app at <c>/dev/gateway</c> that keeps what it is asked to send, and
/// signed gateway webhooks for inbound texts and delivery reports, run through the same handler as a real phone's.
/// </summary>
public sealed class InboxSimulator(IConfiguration config, IDbContextFactory<CrmDbContext> dbs, SmsGatewayService gateways,
    SmsWebhookHandling webhooks, EmailAccountService mailboxes, EmailInbound inboundMail, BookingService bookings, TimeProvider clock)
{
    public const string PhoneLabel = "Simulator phone";
    public const string PhoneNumber = "+15125552100";

    public sealed record SentText(string Id, string To, string Text, DateTime At);

    readonly ConcurrentQueue<SentText> _outbox = new();

    void Keep(SentText text)
    {
        _outbox.Enqueue(text);
        while (_outbox.Count > 200) _outbox.TryDequeue(out _);
    }

    public bool Enabled => config.GetValue("Simulator:Enabled", false);

    public IReadOnlyList<SentText> Outbox => _outbox.Reverse().Take(50).ToList();

    public static void Map(IEndpointRouteBuilder app)
    {
        // Not mapped at all unless the simulator is on: a production instance answers 404 here.
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Simulator:Enabled", false)) return;
        // The fake phone's API: local and cloud paths both accept and keep the message.
        foreach (var path in new[] { "/dev/gateway/message", "/dev/gateway/3rdparty/v1/messages" })
            app.MapPost(path, async (HttpRequest request, InboxSimulator simulator, CancellationToken ct) =>
                {
                    if (await RequestBodyLimits.ReadAsync(request, PhoneMaxBodyBytes, ct) is not { } body)
                        return RequestBodyLimits.TooLarge(PhoneMaxBodyBytes);
                    if (ReadSend(body) is not { } sent)
                        return Results.Json(new { message = "Expected {id?, phoneNumbers: [..], textMessage: {text}}." }, statusCode: StatusCodes.Status400BadRequest);
                    simulator.Keep(sent);
                    return Results.Json(new { id = sent.Id, state = "Pending" }, statusCode: StatusCodes.Status202Accepted);
                })
                .AllowAnonymous().DisableAntiforgery().WithBodyLimit(PhoneMaxBodyBytes);
    }

    const int PhoneMaxBodyBytes = 64 * 1024;

    /// <summary>A send request as the gateway's API takes it, or null when the body is not one (a 400, not a 500).</summary>
    static SentText? ReadSend(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("phoneNumbers", out var numbers) || numbers.ValueKind != JsonValueKind.Array || numbers.GetArrayLength() == 0
                || numbers[0].ValueKind != JsonValueKind.String
                || !root.TryGetProperty("textMessage", out var message) || message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                return null;
            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : Guid.NewGuid().ToString();
            return new SentText(id, numbers[0].GetString()!, text.GetString()!, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException) { return null; }
    }

    /// <summary>The simulator's gateway, created on first use with a fresh password and signing key.</summary>
    public async Task<string> EnsurePhoneAsync(string baseUri, string actingUserId, CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var existing = await db.SmsGateways.Where(g => g.Label == PhoneLabel).Select(g => g.Id).FirstOrDefaultAsync(ct);
            if (existing is not null) return existing;
        }
        var view = await gateways.SaveAsync(null, null, new SmsGatewayInput(PhoneLabel, baseUri.TrimEnd('/') + "/dev/gateway", GatewayMode.Local,
            "simulator", Guid.NewGuid().ToString("N"), PhoneNumber, SmsGatewayService.NewSigningKey()), actingUserId, ct);
        return view.Id;
    }

    public Task<(WebhookOutcome, string?)> TextInAsync(string gatewayId, string from, string text, CancellationToken ct = default) =>
        PostAsync(gatewayId, "sms:received", new { messageId = Guid.NewGuid().ToString("N")[..12], message = text, sender = from, recipient = PhoneNumber, simNumber = 1, receivedAt = clock.GetUtcNow() }, ct);

    public Task<(WebhookOutcome, string?)> ReportAsync(string gatewayId, string messageId, bool delivered, CancellationToken ct = default) =>
        delivered
            ? PostAsync(gatewayId, "sms:delivered", new { messageId, recipient = "", simNumber = 1, deliveredAt = clock.GetUtcNow() }, ct)
            : PostAsync(gatewayId, "sms:failed", new { messageId, recipient = "", simNumber = 1, failedAt = clock.GetUtcNow(), reason = "RESULT_ERROR_GENERIC_FAILURE" }, ct);

    public const string MailboxAddress = "simulator@gpsleaders.test";

    /// <summary>A customer emails in: filed through the same path the Gmail sync uses, on a send-only simulator mailbox.</summary>
    public async Task<string> EmailInAsync(string from, string? name, string subject, string text, string actingUserId, CancellationToken ct = default)
    {
        string? accountId;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            accountId = await db.EmailAccounts.Where(a => a.EmailAddress == MailboxAddress).Select(a => a.Id).FirstOrDefaultAsync(ct);
        accountId ??= (await mailboxes.AddSmtpAsync(new SmtpAccountInput(MailboxAddress, "Simulator mailbox", "127.0.0.1", 2525, "simulator",
            Guid.NewGuid().ToString("N")), actingUserId, ct)).Id;
        var message = await inboundMail.ReceiveAsync(accountId, new InboundEmail("sim-" + Guid.NewGuid().ToString("N"), null, from, name, MailboxAddress,
            subject, text, null, clock.GetUtcNow().UtcDateTime), ct);
        return message is null ? "Already filed." : "Filed in the inbox (EMAIL).";
    }

    /// <summary>A customer books a meeting: a Cal.com BOOKING_CREATED event, applied as the webhook applies it.</summary>
    public async Task<string> BookAsync(string attendeeEmail, string? attendeeName, DateTime startUtc, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            triggerEvent = "BOOKING_CREATED",
            createdAt = clock.GetUtcNow(),
            payload = new
            {
                uid = "sim-" + Guid.NewGuid().ToString("N")[..16], bookingId = Random.Shared.Next(1000, 99999), type = "gps-demo", title = "GPS tracking demo",
                startTime = startUtc, endTime = startUtc.AddMinutes(30), status = "ACCEPTED",
                organizer = new { name = "GPS Leaders", email = "demo@gpsleaders.test", timeZone = "America/Chicago" },
                attendees = new[] { new { name = attendeeName ?? attendeeEmail, email = attendeeEmail, timeZone = "America/Chicago" } },
                metadata = new { videoCallUrl = "https://meet.example.com/gps-demo" },
            },
        });
        var result = await bookings.ApplyAsync(CalcomWebhook.Parse(body), System.Text.Encoding.UTF8.GetString(body), ct);
        return $"Booking {result.Outcome.ToString().ToLowerInvariant()}: see the lead's Bookings tab and the dashboard.";
    }

    async Task<(WebhookOutcome, string?)> PostAsync(string gatewayId, string evt, object payload, CancellationToken ct)
    {
        var key = (await gateways.CredentialsAsync(gatewayId, ct))?.SigningKey ?? "";
        var body = SmsWebhook.Envelope(evt, Guid.NewGuid().ToString("N"), payload, "simulator", "simulator");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        return await webhooks.HandleAsync(gatewayId, body, SmsWebhook.Sign(key, body, timestamp), timestamp, ct);
    }
}
