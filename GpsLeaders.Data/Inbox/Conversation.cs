using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Inbox;

/// <summary>A unified-inbox thread — one per lead per channel (SMS / EMAIL / CALL). Table <c>conversations</c>.</summary>
public class Conversation : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string? ContactId { get; set; }
    public string? UserId { get; set; }
    public ConversationChannel Channel { get; set; }
    public DateTime? LastMessageAt { get; set; }
    public string? LastMessagePreview { get; set; }
    public int UnreadCount { get; set; }
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead? Lead { get; set; }
    public Contact? Contact { get; set; }
    public User? User { get; set; }
}
