using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Dialer;

/// <summary>A saved power-dialer call list — a named, ordered set of leads to call through. Table <c>call_lists</c>.</summary>
public class CallList : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Name { get; set; } = null!;
    /// <summary>JSON document, stored as jsonb.</summary>
    public string? FilterCriteria { get; set; }
    public List<string> LeadIds { get; set; } = [];
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
