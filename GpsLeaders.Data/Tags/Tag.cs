using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Tags;

/// <summary>The catalog/definition of a tag that can be applied to leads. Table <c>tags</c>.</summary>
public class Tag : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Slug { get; set; } = null!;
    public string Name { get; set; } = null!;
    public TagCategory Category { get; set; }
    public string? Color { get; set; }
    public string? Description { get; set; }
    public bool IsSystem { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
