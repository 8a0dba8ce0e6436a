using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Inbox;

/// <summary>A reusable email or SMS message template. Table <c>message_templates</c>.</summary>
public class MessageTemplate : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Name { get; set; } = null!;
    public string Slug { get; set; } = null!;
    public TemplateChannel Channel { get; set; }
    public TemplateCategory Category { get; set; } = TemplateCategory.SEQUENCE;
    public string? Subject { get; set; }
    public string Body { get; set; } = null!;
    public bool IsActive { get; set; } = true;
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public User? CreatedBy { get; set; }
}
