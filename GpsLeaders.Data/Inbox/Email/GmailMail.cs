using System.Buffers.Text;
using System.Text.Json;
using MimeKit;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>One Gmail message as users.messages.get (format=raw) returns it, read with MimeKit into what the inbox keeps.</summary>
public sealed record GmailMail(string Id, string ThreadId, IReadOnlyList<string> Labels, string From, string? FromName, string To,
    string? Subject, string? MessageIdHeader, DateTime SentAt, string? Text, string? Html)
{
    public bool IsDraft => Labels.Contains("DRAFT");

    public InboundEmail ToInbound() => new(Id, ThreadId, From, FromName, To, Subject, Text, Html, SentAt);

    public static GmailMail Parse(JsonElement message)
    {
        var mime = Mime(Str(message, "raw"));
        var from = mime?.From.Mailboxes.FirstOrDefault();
        var to = mime?.To.Mailboxes.FirstOrDefault();
        return new GmailMail(
            Str(message, "id") ?? "",
            Str(message, "threadId") ?? "",
            message.TryGetProperty("labelIds", out var labels) && labels.ValueKind == JsonValueKind.Array
                ? labels.EnumerateArray().Select(l => l.GetString() ?? "").ToList() : [],
            from?.Address ?? "", string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name, to?.Address ?? "",
            mime?.Subject, mime?.MessageId,
            ReceivedAt(message, mime),
            // The first text/plain and text/html that are not attachments, through multipart/alternative, related and mixed.
            mime?.TextBody, mime?.HtmlBody);
    }

    /// <summary>The RFC 5322 message of Gmail's base64url <c>raw</c> field; null when there is none or it cannot be read.</summary>
    static MimeMessage? Mime(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        byte[] bytes;
        // Google sends base64url; tolerate standard base64 and padding too.
        try { bytes = Base64Url.DecodeFromChars(raw.Replace('+', '-').Replace('/', '_').TrimEnd('=')); }
        catch (FormatException) { return null; }
        using var stream = new MemoryStream(bytes);
        try { return MimeMessage.Load(stream); }
        catch (FormatException) { return null; }
    }

    /// <summary>Gmail's internalDate (ms since the epoch, when Google received it) beats a sender's Date header.</summary>
    static DateTime ReceivedAt(JsonElement message, MimeMessage? mime)
    {
        if (Str(message, "internalDate") is { } ms && long.TryParse(ms, out var millis))
            return DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;
        return mime is not null && mime.Headers.Contains(HeaderId.Date) ? mime.Date.UtcDateTime : DateTime.UtcNow;
    }

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The message a reply answers: its Message-ID and the References chain a reply carries on.</summary>
public sealed record ParentMessage(string? MessageId, IReadOnlyList<string> References);
