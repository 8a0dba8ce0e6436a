using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Taxonomy;

/// <summary>The data-driven dropdown system. Table <c>taxonomy_values</c>.</summary>
public class TaxonomyValue : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public TaxonomyType Type { get; set; }
    public string Value { get; set; } = null!;
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
