using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>The gateway's webhook envelope: <c>{deviceId, event, id, webhookId, payload}</c>.</summary>
public sealed record SmsWebhookEnvelope(
    [property: JsonPropertyName("deviceId")] string? DeviceId,
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("webhookId")] string? WebhookId,
    [property: JsonPropertyName("payload")] SmsWebhookPayload? Payload);

public sealed record SmsWebhookPayload(
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("sender")] string? Sender,
    [property: JsonPropertyName("recipient")] string? Recipient,
    [property: JsonPropertyName("simNumber")] int? SimNumber,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset? ReceivedAt,
    [property: JsonPropertyName("sentAt")] DateTimeOffset? SentAt,
    [property: JsonPropertyName("deliveredAt")] DateTimeOffset? DeliveredAt,
    [property: JsonPropertyName("failedAt")] DateTimeOffset? FailedAt,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>Signature and parsing of gateway webhooks (HMAC-SHA256 over the raw body followed by the X-Timestamp string).</summary>
public static class SmsWebhook
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    const int MaxIdLength = 200;
    const int MaxSenderLength = 40; // E.164 is 16 with the plus; short codes and sender names are shorter still

    /// <summary>An envelope as the phone sends it (for the simulator, the fakes and the bench).</summary>
    public static string Envelope(string evt, string eventId, object payload, string deviceId, string webhookId) =>
        JsonSerializer.Serialize(new { deviceId, @event = evt, id = eventId, webhookId, payload });

    public static string Sign(string signingKey, string rawBody, string timestamp) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(rawBody + timestamp))).ToLowerInvariant();

    public static bool Verify(string? signingKey, string rawBody, string? signature, string? timestamp, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingKey) || string.IsNullOrEmpty(signature) || !long.TryParse(timestamp, out var unix)) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > MaxAge) return false;
        byte[] given;
        try { given = Convert.FromHexString(signature.Trim()); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(rawBody + timestamp));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>The envelope, or null with the reason when the body is not a usable event.</summary>
    public static (SmsWebhookEnvelope? Envelope, string? Problem) Parse(string rawBody)
    {
        SmsWebhookEnvelope? envelope;
        // The answer names the place, never the parser's message: that one carries .NET type names.
        try { envelope = JsonSerializer.Deserialize<SmsWebhookEnvelope>(rawBody); }
        catch (JsonException ex) { return (null, ex.Path is { Length: > 1 } path ? $"Malformed JSON at {path}." : "Malformed JSON."); }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or ArgumentException) { return (null, "Malformed JSON."); }
        if (envelope is null) return (null, "Empty body.");
        envelope = Storable(envelope);
        if (string.IsNullOrWhiteSpace(envelope.Event)) return (null, "The event is missing.");
        if (string.IsNullOrWhiteSpace(envelope.Id)) return (null, "The event id is missing.");
        if (envelope.Event == "system:ping") return (envelope, null);
        if (envelope.Payload is null) return (null, "The payload is missing.");
        if (envelope.Event == "sms:received" && (string.IsNullOrWhiteSpace(envelope.Payload.Sender) || envelope.Payload.Message is null))
            return (null, "A received message needs a sender and a message.");
        if (envelope.Id.Length > MaxIdLength || envelope.Payload.MessageId?.Length > MaxIdLength) return (null, "An id is too long.");
        if (envelope.Payload.Sender?.Trim().Length > MaxSenderLength) return (null, "The sender is not a phone number or sender name.");
        if (envelope.Event is "sms:sent" or "sms:delivered" or "sms:failed" && string.IsNullOrWhiteSpace(envelope.Payload.MessageId))
            return (null, "A status event needs the messageId.");
        return (envelope, null);
    }

    /// <summary>Every text of the event without the characters PostgreSQL cannot store (a NUL would fail the insert, and the phone would retry for two days).</summary>
    static SmsWebhookEnvelope Storable(SmsWebhookEnvelope e) => e with
    {
        DeviceId = StorableText.Clean(e.DeviceId), Event = StorableText.Clean(e.Event), Id = StorableText.Clean(e.Id), WebhookId = StorableText.Clean(e.WebhookId),
        Payload = e.Payload is not { } p ? null : p with
        {
            MessageId = StorableText.Clean(p.MessageId), Message = StorableText.Clean(p.Message), Sender = StorableText.Clean(p.Sender),
            Recipient = StorableText.Clean(p.Recipient), Reason = StorableText.Clean(p.Reason),
        },
    };
}
