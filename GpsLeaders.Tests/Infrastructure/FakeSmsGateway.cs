using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GpsLeaders.Data.Inbox.Sms;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;
using Req = WireMock.RequestBuilders.Request;
using Resp = WireMock.ResponseBuilders.Response;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net stand-in for an Android phone running SMS Gateway (local mode), registered as a gateway in the
/// app under test, plus signed webhooks to the app as that phone would send them.
/// </summary>
public sealed class FakeSmsGateway : IDisposable
{
    public const string Username = "gw-user";
    public const string Password = "gw-pass-123";
    public const string FromNumber = "+15125552199";

    public WireMockServer Server { get; } = WireMockServer.Start();
    public string GatewayId { get; private set; } = "";
    public string SigningKey { get; } = SmsGatewayService.NewSigningKey();

    FakeSmsGateway() =>
        Server.Given(Req.Create().WithPath("/message").UsingPost())
            .RespondWith(Resp.Create().WithStatusCode(202).WithHeader("Content-Type", "application/json").WithBody("{\"state\":\"Pending\"}"));

    /// <summary>Starts the fake and registers it through the app's own service (its secrets are the app's to decrypt).</summary>
    public static async Task<FakeSmsGateway> RegisterAsync(IServiceProvider app, string actingUserId)
    {
        var fake = new FakeSmsGateway();
        var view = await app.GetRequiredService<SmsGatewayService>().SaveAsync(null, null,
            new SmsGatewayInput("Test phone", fake.Server.Url, GatewayMode.Local, Username, Password, FromNumber, fake.SigningKey), actingUserId);
        fake.GatewayId = view.Id;
        return fake;
    }

    /// <summary>The send requests the phone received (JSON bodies), oldest first.</summary>
    public IReadOnlyList<JsonElement> Sent => Server.LogEntries
        .Where(e => e.RequestMessage!.Path == "/message")
        .OrderBy(e => e.RequestMessage!.DateTime)
        .Select(e => JsonDocument.Parse(e.RequestMessage!.Body!).RootElement.Clone()).ToList();

    public IEnumerable<string?> AuthorizationHeaders => Server.LogEntries
        .Where(e => e.RequestMessage!.Path == "/message")
        .Select(e => e.RequestMessage!.Headers?.TryGetValue("Authorization", out var v) == true ? v.FirstOrDefault() : null);

    public static string Envelope(string evt, string eventId, object payload) =>
        SmsWebhook.Envelope(evt, eventId, payload, "dev-1", "wh-1");

    public static string Received(string eventId, string from, string text) =>
        Envelope("sms:received", eventId, new { messageId = "m-" + text.GetHashCode().ToString("x"), message = text, sender = from, recipient = FromNumber, simNumber = 1, receivedAt = DateTimeOffset.UtcNow });

    public static string Status(string evt, string messageId) =>
        Envelope(evt, Guid.NewGuid().ToString("N"), new { messageId, recipient = "+15125552000", simNumber = 1, deliveredAt = DateTimeOffset.UtcNow, sentAt = DateTimeOffset.UtcNow, failedAt = DateTimeOffset.UtcNow, reason = "RESULT_ERROR_NO_SERVICE" });

    /// <summary>POSTs <paramref name="body"/> to the app's webhook, signed (or not) as the phone would;
    /// <paramref name="expectContinue"/> waits for the server's go-ahead before the body: a refusal up front (413) is then
    /// read as an answer instead of a connection the server closed mid-upload.</summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient app, string body, bool sign = true, string? key = null, DateTimeOffset? at = null, string? gatewayId = null,
        bool expectContinue = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/sms-gateway/{gatewayId ?? GatewayId}")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (expectContinue) request.Headers.ExpectContinue = true;
        if (sign)
        {
            var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
            request.Headers.Add("X-Timestamp", timestamp);
            request.Headers.Add("X-Signature", SmsWebhook.Sign(key ?? SigningKey, body, timestamp));
        }
        return await app.SendAsync(request);
    }

    public void Dispose() => Server.Stop();
}
