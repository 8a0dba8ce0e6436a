using System.Net.Mail;
using System.Text.Json;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>One Gmail message as users.messages.get (format=full) returns it, read into what the inbox keeps.</summary>
public sealed record GmailMail(string Id, string ThreadId, IReadOnlyList<string> Labels, string From, string? FromName, string To,
    string? Subject, string? MessageIdHeader, DateTime SentAt, string? Text, string? Html)
{
    public bool IsDraft => Labels.Contains("DRAFT");

    public InboundEmail ToInbound() => new(Id, ThreadId, From, FromName, To, Subject, Text, Html, SentAt);

    public static GmailMail Parse(JsonElement message)
    {
        var payload = message.TryGetProperty("payload", out var p) ? p : default;
        var headers = Headers(payload);
        var (from, fromName) = FirstAddress(headers.GetValueOrDefault("from"));
        var (to, _) = FirstAddress(headers.GetValueOrDefault("to"));
        string? text = null, html = null;
        if (payload.ValueKind == JsonValueKind.Object) CollectBodies(payload, ref text, ref html);
        return new GmailMail(
            Str(message, "id") ?? "",
            Str(message, "threadId") ?? "",
            message.TryGetProperty("labelIds", out var labels) && labels.ValueKind == JsonValueKind.Array
                ? labels.EnumerateArray().Select(l => l.GetString() ?? "").ToList() : [],
            from, fromName, to,
            headers.TryGetValue("subject", out var subject) ? Rfc2822.DecodeWords(subject) : null,
            headers.GetValueOrDefault("message-id"),
            ReceivedAt(message, headers.GetValueOrDefault("date")),
            text, html);
    }

    static Dictionary<string, string> Headers(JsonElement part)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("headers", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var h in list.EnumerateArray())
                if (Str(h, "name") is { } name) headers.TryAdd(name, Str(h, "value") ?? "");
        return headers;
    }

    /// <summary>Depth first through multipart/* parts: the first text/plain and the first text/html that are not attachments.</summary>
    static void CollectBodies(JsonElement part, ref string? text, ref string? html)
    {
        var mime = (Str(part, "mimeType") ?? "").ToLowerInvariant();
        if (part.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in parts.EnumerateArray()) CollectBodies(child, ref text, ref html);
            return;
        }
        if (!string.IsNullOrEmpty(Str(part, "filename"))) return; // an attachment
        if (mime == "text/plain" && text is null) text = Body(part);
        else if (mime == "text/html" && html is null) html = Body(part);
    }

    static string? Body(JsonElement part)
    {
        if (!part.TryGetProperty("body", out var body) || Str(body, "data") is not { Length: > 0 } data) return null;
        byte[] bytes;
        try { bytes = System.Buffers.Text.Base64Url.DecodeFromChars(data.Replace('+', '-').Replace('/', '_').TrimEnd('=')); }
        catch (FormatException) { return null; }
        return Charsets.Get(Charset(Headers(part).GetValueOrDefault("content-type"))).GetString(bytes);
    }

    static string? Charset(string? contentType)
    {
        foreach (var param in (contentType ?? "").Split(';').Skip(1))
        {
            var kv = param.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) return kv[1].Trim().Trim('"');
        }
        return null;
    }

    /// <summary>Gmail's internalDate (ms since the epoch, when Google received it) beats a sender's Date header.</summary>
    static DateTime ReceivedAt(JsonElement message, string? dateHeader)
    {
        if (Str(message, "internalDate") is { } ms && long.TryParse(ms, out var millis))
            return DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;
        if (DateTimeOffset.TryParse(StripZoneComment(dateHeader), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            return at.UtcDateTime;
        return DateTime.UtcNow;
    }

    static string? StripZoneComment(string? date) => date is null ? null : date.Split('(')[0].Trim();

    /// <summary>The first address of a From/To header and its display name; the raw value when it does not parse.</summary>
    static (string Address, string? Name) FirstAddress(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return ("", null);
        var decoded = Rfc2822.DecodeWords(header);
        try
        {
            var list = new MailAddressCollection();
            list.Add(decoded);
            var first = list[0];
            return (first.Address, string.IsNullOrWhiteSpace(first.DisplayName) ? null : first.DisplayName);
        }
        catch (FormatException)
        {
            var start = decoded.IndexOf('<');
            var end = decoded.IndexOf('>', start + 1);
            return start >= 0 && end > start ? (decoded[(start + 1)..end].Trim(), decoded[..start].Trim().Trim('"')) : (decoded.Trim(), null);
        }
    }

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
