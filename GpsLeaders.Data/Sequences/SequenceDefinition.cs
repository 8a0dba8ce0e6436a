using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Sequences;

/// <summary>The template for an automation sequence. Table <c>sequence_definitions</c>.</summary>
public class SequenceDefinition : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string TagSlug { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string? Description { get; set; }
    /// <summary>JSON document, stored as jsonb.</summary>
    public string Steps { get; set; } = null!;
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public ICollection<SequenceRun> Runs { get; set; } = new List<SequenceRun>();
}
