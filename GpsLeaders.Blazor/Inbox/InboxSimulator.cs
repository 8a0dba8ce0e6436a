using System.Collections.Concurrent;
using System.Text.Json;
using GpsLeaders.Data;
using GpsLeaders.Data.Inbox.Sms;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Blazor.Inbox;

/// <summary>
/// Plays the customer's side on a development machine (Settings → Inbox simulator, on when <c>Simulator:Enabled</c>):
/// a "Simulator phone" gateway served by this app at <c>/dev/gateway</c> that keeps what it is asked to send, and
/// signed gateway webhooks for inbound texts and delivery reports, run through the same handler as a real phone's.
/// </summary>
public sealed class InboxSimulator(IConfiguration config, IDbContextFactory<CrmDbContext> dbs, SmsGatewayService gateways,
    SmsWebhookHandling webhooks, TimeProvider clock)
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

    public static void Map(WebApplication app)
    {
        if (!app.Configuration.GetValue("Simulator:Enabled", false)) return;
        // The fake phone's API: local and cloud paths both accept and keep the message.
        foreach (var path in new[] { "/dev/gateway/message", "/dev/gateway/3rdparty/v1/messages" })
            app.MapPost(path, async (HttpRequest request, InboxSimulator simulator) =>
                {
                    using var body = await JsonDocument.ParseAsync(request.Body);
                    var root = body.RootElement;
                    var id = root.TryGetProperty("id", out var i) ? i.GetString() ?? Guid.NewGuid().ToString() : Guid.NewGuid().ToString();
                    var to = root.GetProperty("phoneNumbers")[0].GetString() ?? "";
                    var text = root.GetProperty("textMessage").GetProperty("text").GetString() ?? "";
                    simulator.Keep(new SentText(id, to, text, DateTime.UtcNow));
                    return Results.Json(new { id, state = "Pending" }, statusCode: StatusCodes.Status202Accepted);
                })
                .AllowAnonymous().DisableAntiforgery();
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

    async Task<(WebhookOutcome, string?)> PostAsync(string gatewayId, string evt, object payload, CancellationToken ct)
    {
        var key = (await gateways.CredentialsAsync(gatewayId, ct))?.SigningKey ?? "";
        var body = JsonSerializer.Serialize(new { deviceId = "simulator", @event = evt, id = Guid.NewGuid().ToString("N"), webhookId = "simulator", payload });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        return await webhooks.HandleAsync(gatewayId, body, SmsWebhook.Sign(key, body, timestamp), timestamp, ct);
    }
}
