using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Inbox;

/// <summary>A conversation thread of emails, tied to a Gmail thread and an EmailAccount, optionally associated with a Lead. Table <c>email_threads</c>.</summary>
public class EmailThread : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string EmailAccountId { get; set; } = null!;
    public string? GmailThreadId { get; set; }
    public string? Subject { get; set; }
    public DateTime? LastMessageAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead? Lead { get; set; }
    public EmailAccount EmailAccount { get; set; } = null!;
    public ICollection<EmailMessage> Messages { get; set; } = new List<EmailMessage>();
}
