using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>An outgoing plain-text email, as the CRM writes it.</summary>
public sealed record OutgoingEmail(string From, string? FromName, string To, string? ToName, string Subject, string Body,
    DateTime Date, string? InReplyTo = null);

/// <summary>
/// RFC 2822 (with MIME) by hand, since no mail library installs here: headers folded and RFC 2047-encoded when not
/// ASCII, CR/LF stripped from every header value (no header injection through a subject or a name), a UTF-8 body in
/// base64 so any text travels intact.
/// </summary>
public static partial class Rfc2822
{
    /// <summary>The message text (CRLF line ends) and the Message-ID it was given.</summary>
    public static (string Text, string MessageId) Compose(OutgoingEmail mail)
    {
        var domain = mail.From.Contains('@') ? mail.From[(mail.From.LastIndexOf('@') + 1)..] : "gpsleaders.crm";
        var messageId = $"<{Guid.NewGuid():N}@{OneLine(domain)}>";
        var text = new StringBuilder();
        Header(text, "From", Mailbox(mail.From, mail.FromName));
        Header(text, "To", Mailbox(mail.To, mail.ToName));
        Header(text, "Subject", EncodeWords(OneLine(mail.Subject)));
        Header(text, "Date", mail.Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "Message-ID", messageId);
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo))
        {
            Header(text, "In-Reply-To", OneLine(mail.InReplyTo));
            Header(text, "References", OneLine(mail.InReplyTo));
        }
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", "text/plain; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Body.ReplaceLineEndings("\r\n")));
        for (var i = 0; i < body.Length; i += 76) text.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        return (text.ToString(), messageId);
    }

    /// <summary>base64url without padding, as Gmail's <c>raw</c> field wants it.</summary>
    public static string ToBase64Url(string message) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(message));

    /// <summary>Decodes RFC 2047 encoded words (=?utf-8?B?…?= / =?iso-8859-1?Q?…?=) in a header value read back from a mailbox.</summary>
    public static string DecodeWords(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains("=?")) return value ?? "";
        // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
        var joined = AdjacentWords().Replace(value, "$1");
        return EncodedWord().Replace(joined, m =>
        {
            try
            {
                var encoding = Charsets.Get(m.Groups["charset"].Value);
                var data = m.Groups["data"].Value;
                var bytes = m.Groups["enc"].Value.ToUpperInvariant() == "B" ? Convert.FromBase64String(data) : QDecode(data);
                return encoding.GetString(bytes);
            }
            catch (FormatException) { return m.Value; }
        });
    }

    static byte[] QDecode(string data)
    {
        var bytes = new List<byte>(data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '_') bytes.Add((byte)' ');
            else if (data[i] == '=' && i + 2 < data.Length && byte.TryParse(data.AsSpan(i + 1, 2), NumberStyles.HexNumber, null, out var b)) { bytes.Add(b); i += 2; }
            else bytes.Add((byte)data[i]);
        }
        return bytes.ToArray();
    }

    static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

    static string Mailbox(string address, string? name)
    {
        var addr = OneLine(address).Trim();
        if (string.IsNullOrWhiteSpace(name)) return addr;
        var display = OneLine(name).Trim();
        var shown = IsPlainAscii(display) ? "\"" + display.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : EncodeWords(display);
        return $"{shown} <{addr}>";
    }

    /// <summary>ASCII text as it is; anything else as UTF-8 base64 encoded words of at most 75 characters, folded.</summary>
    static string EncodeWords(string value)
    {
        if (IsPlainAscii(value)) return value;
        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            // 45 bytes of UTF-8 make 60 base64 characters: with "=?utf-8?B?" and "?=" a word stays under 75.
            if (Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }
            chunk.Append(rune.ToString());
        }
        if (chunk.Length > 0) words.Add(Word(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    static string Word(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    static bool IsPlainAscii(string value) => value.All(c => c is >= ' ' and <= '~');

    static string OneLine(string value) => value.Replace("\r", " ").Replace("\n", " ");

    [GeneratedRegex(@"(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)")]
    private static partial Regex AdjacentWords();

    [GeneratedRegex(@"=\?(?<charset>[^?\s*]+)(\*[^?\s]+)?\?(?<enc>[bBqQ])\?(?<data>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();
}

/// <summary>Text encodings by MIME charset name; unknown ones read as UTF-8 rather than failing the message.</summary>
internal static class Charsets
{
    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // windows-1252 and friends

    public static Encoding Get(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return Encoding.UTF8;
        try { return Encoding.GetEncoding(charset.Trim().Trim('"')); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }
}
