using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Inbox;

/// <summary>A connected mailbox the CRM sends/receives email through. Table <c>email_accounts</c>.</summary>
public class EmailAccount : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? UserId { get; set; }
    public string EmailAddress { get; set; } = null!;
    public string? DisplayName { get; set; }
    public string Provider { get; set; } = "gmail";
    public string? GmailRefreshToken { get; set; }
    public string? GmailAccessToken { get; set; }
    public DateTime? GmailTokenExpiry { get; set; }
    public string? SmtpHost { get; set; }
    public int? SmtpPort { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPass { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? LastSyncedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public User? User { get; set; }
    public ICollection<EmailThread> Threads { get; set; } = new List<EmailThread>();
}
