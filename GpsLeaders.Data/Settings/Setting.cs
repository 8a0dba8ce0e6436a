using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Settings;

/// <summary>A generic key/value application settings store. Table <c>settings</c>.</summary>
public class Setting : IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Key { get; set; } = null!;
    /// <summary>JSON document, stored as jsonb.</summary>
    public string Value { get; set; } = null!;
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
