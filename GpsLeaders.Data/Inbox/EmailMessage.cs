using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox;

/// <summary>A single email within a thread (inbound or outbound), with rendered text/HTML bodies. Table <c>email_messages</c>.</summary>
public class EmailMessage : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string ThreadId { get; set; } = null!;
    public string? GmailMessageId { get; set; }
    public MessageDirection Direction { get; set; }
    public string FromAddress { get; set; } = null!;
    public string ToAddress { get; set; } = null!;
    public string? Subject { get; set; }
    public string? BodyText { get; set; }
    public string? BodyHtml { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public EmailThread Thread { get; set; } = null!;
}
