using System.Buffers.Text;
using MimeKit;
using MimeKit.Utils;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>
/// An outgoing plain-text email, as the CRM writes it. <see cref="MessageId"/> is the Message-ID it goes out with
/// (without angle brackets); <see cref="InReplyTo"/> and <see cref="References"/> thread a reply under the previous
/// message in recipients' mail programs.
/// </summary>
public sealed record OutgoingEmail(string From, string? FromName, string To, string? ToName, string Subject, string Body,
    DateTime Date, string? MessageId = null, string? InReplyTo = null, IReadOnlyList<string>? References = null)
{
    /// <summary>
    /// The MIME message: MimeKit encodes non-ASCII names and subjects (RFC 2047) and picks the body's transfer
    /// encoding for a 7-bit path, since not every relay takes 8-bit mail.
    /// </summary>
    public MimeMessage ToMimeMessage()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(OneLine(FromName), OneLine(From).Trim()));
        message.To.Add(new MailboxAddress(OneLine(ToName), OneLine(To).Trim()));
        message.Subject = OneLine(Subject);
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(Date, DateTimeKind.Utc));
        message.MessageId = MessageId ?? MimeUtils.GenerateMessageId(DomainOf(From));
        if (!string.IsNullOrWhiteSpace(InReplyTo)) message.InReplyTo = InReplyTo;
        foreach (var id in References ?? []) message.References.Add(id);
        var body = new TextPart(MimeKit.Text.TextFormat.Plain);
        body.SetText(System.Text.Encoding.UTF8, Body.ReplaceLineEndings("\r\n"));
        message.Body = body;
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>The whole message in base64url without padding, as Gmail's <c>raw</c> field wants it.</summary>
    public string ToBase64Url()
    {
        using var stream = new MemoryStream();
        ToMimeMessage().WriteTo(stream);
        return Base64Url.EncodeToString(stream.ToArray());
    }

    /// <summary>The Message-ID the CRM gives a message it sends: its <c>email_messages</c> id at the sender's domain, so a
    /// later reply can name it without a column to keep it in.</summary>
    public static string MessageIdFor(string emailMessageId, string fromAddress) => $"{emailMessageId}@{DomainOf(fromAddress)}";

    static string DomainOf(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && at < address.Length - 1 ? OneLine(address[(at + 1)..]).Trim() : "gpsleaders.crm";

    // No header injection through a subject or a name: a value is one line whatever was typed.
    static string OneLine(string? value) => (value ?? "").Replace("\r", " ").Replace("\n", " ");
}
