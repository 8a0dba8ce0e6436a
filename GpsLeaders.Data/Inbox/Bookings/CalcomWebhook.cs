using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox.Bookings;

/// <summary>The Cal.com booking events the CRM acts on; any other trigger (PING, MEETING_ENDED…) is acknowledged and ignored.</summary>
public enum CalcomTrigger { Other, BookingCreated, BookingRescheduled, BookingCancelled }

/// <summary>What one Cal.com webhook delivery says about a booking (the fields of integrations.md, nothing more).</summary>
public sealed record CalcomEvent(
    CalcomTrigger Trigger,
    string TriggerName,
    string? Uid,
    string? RescheduleUid,
    string? EventTypeSlug,
    string? Title,
    DateTime? StartAt,
    DateTime? EndAt,
    string? AttendeeEmail,
    string? AttendeeName,
    string? Location,
    string? VideoCallUrl,
    string? Status,
    string? CancellationReason,
    DateTime? CreatedAt = null)
{
    /// <summary>Cal.com's own video link wins over the location (which may be an address or "integrations:daily").</summary>
    public string? MeetingUrl => !string.IsNullOrWhiteSpace(VideoCallUrl) ? VideoCallUrl.Trim() : string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
}

/// <summary>Signature check and parsing of Cal.com webhooks: header <c>x-cal-signature-256</c> is the hex HMAC-SHA256 of the raw body.</summary>
public static class CalcomWebhook
{
    public const string SignatureHeader = "x-cal-signature-256";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Constant-time comparison of the digests, so a forger learns nothing from response times.</summary>
    public static bool SignatureMatches(ReadOnlySpan<byte> body, string? header, string? secret)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret)) return false;
        var hex = header.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) hex = hex[7..];
        byte[] given;
        try { given = Convert.FromHexString(hex); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>Reads the envelope. Booking events need <c>payload.uid</c> and <c>payload.startTime</c>; a field naming error otherwise.</summary>
    public static CalcomEvent Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body.ToArray()); }
        catch (JsonException) { throw new ValidationFailedException("body", "The request body is not valid JSON."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ValidationFailedException("body", "The request body must be a JSON object.");
            var name = Text(root, "triggerEvent") ?? "";
            var trigger = name.ToUpperInvariant() switch
            {
                "BOOKING_CREATED" => CalcomTrigger.BookingCreated,
                "BOOKING_RESCHEDULED" => CalcomTrigger.BookingRescheduled,
                "BOOKING_CANCELLED" => CalcomTrigger.BookingCancelled,
                _ => CalcomTrigger.Other,
            };
            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var createdAt = Time(root, "createdAt", check: null);
            if (trigger == CalcomTrigger.Other) return new CalcomEvent(trigger, name, payload.ValueKind == JsonValueKind.Object ? Text(payload, "uid") : null,
                null, null, null, null, null, null, null, null, null, null, null);
            if (payload.ValueKind != JsonValueKind.Object) throw new ValidationFailedException("payload", "The event has no payload object.");

            var check = new Validation();
            var uid = Text(payload, "uid");
            check.Require("payload.uid", uid, "The booking uid");
            var start = Time(payload, "startTime", check);
            if (start is null) check.Add("payload.startTime", "The start time is required (ISO 8601).");
            var end = Time(payload, "endTime", check);
            check.ThrowIfAny();

            var attendee = payload.TryGetProperty("attendees", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
                ? list[0] : default;
            var metadata = payload.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            return new CalcomEvent(trigger, name, uid!.Trim(), Text(payload, "rescheduleUid"),
                Text(payload, "type"), Text(payload, "title"), start, end,
                attendee.ValueKind == JsonValueKind.Object ? Text(attendee, "email") : null,
                attendee.ValueKind == JsonValueKind.Object ? Text(attendee, "name") : null,
                Text(payload, "location"),
                metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "videoCallUrl") : null,
                Text(payload, "status"), Text(payload, "cancellationReason"), createdAt);
        }
    }

    /// <summary>
    /// The envelope's <c>createdAt</c> in a stored raw payload: the Cal.com time of the event a booking last reflects
    /// (null when it has none or it does not read).
    /// </summary>
    public static DateTime? CreatedAtOf(string? rawPayload)
    {
        if (string.IsNullOrEmpty(rawPayload)) return null;
        try
        {
            using var doc = JsonDocument.Parse(rawPayload);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? Time(doc.RootElement, "createdAt", check: null) : null;
        }
        catch (Exception ex) when (ex is JsonException or ValidationFailedException) { return null; }
    }

    /// <summary>A text field without what PostgreSQL cannot store (NUL); an escaped lone surrogate does not even read as .NET text: a 400.</summary>
    static string? Text(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.String) return null;
        string? text;
        try { text = v.GetString(); }
        catch (InvalidOperationException) { throw new ValidationFailedException(property, $"'{property}' is not valid text."); }
        return StorableText.Clean(text) is { Length: > 0 } s ? s : null;
    }

    /// <summary>A time field; unreadable is a field error when <paramref name="check"/> is given, else just absent.</summary>
    static DateTime? Time(JsonElement obj, string property, Validation? check)
    {
        var text = Text(obj, property);
        if (text is null) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            check?.Add("payload." + property, $"'{text}' is not an ISO 8601 time.");
            return null;
        }
        return StoredTime.Of(at.UtcDateTime);
    }
}
