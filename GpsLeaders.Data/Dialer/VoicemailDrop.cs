using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Dialer;

/// <summary>A pre-recorded voicemail audio clip that can be "dropped" during the power-dialer flow. Table <c>voicemail_drops</c>.</summary>
public class VoicemailDrop : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Name { get; set; } = null!;
    public string AudioUrl { get; set; } = null!;
    public int DurationSeconds { get; set; }
    public bool IsDefault { get; set; }
    public DateTime CreatedAt { get; set; }
}
