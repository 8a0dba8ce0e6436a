using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Inbox;

/// <summary>An outbound SMS channel — an Android-phone SMS gateway. Table <c>sms_gateways</c>.</summary>
public class SmsGateway : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? UserId { get; set; }
    public string Label { get; set; } = null!;
    public string GatewayUrl { get; set; } = null!;
    public string Username { get; set; } = null!;
    public string PasswordEncrypted { get; set; } = null!;
    public string FromNumber { get; set; } = null!;
    public string FromNumberE164 { get; set; } = null!;
    public bool IsActive { get; set; } = true;
    public DateTime? LastSeenAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public User? User { get; set; }
}
