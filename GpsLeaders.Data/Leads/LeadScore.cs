using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Leads;

/// <summary>Computed scoring/health metrics for a lead (1:1 with Lead). Table <c>lead_scores</c>.</summary>
public class LeadScore : IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string LeadId { get; set; } = null!;
    public int QualityScore { get; set; }
    public int EngagementScore { get; set; }
    public DealRisk DealRisk { get; set; } = DealRisk.UNKNOWN;
    public DateTime? LastInteractionAt { get; set; }
    public int? DaysSinceContact { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead Lead { get; set; } = null!;
}
