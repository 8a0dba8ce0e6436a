using GpsLeaders.Data.Leads;
namespace GpsLeaders.Data.Tags;

/// <summary>The application of a tag to a specific lead (join record between Lead and Tag). Table <c>lead_tags</c>.</summary>
public class LeadTag
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string LeadId { get; set; } = null!;
    public string TagSlug { get; set; } = null!;
    public DateTime AppliedAt { get; set; } = DateTime.UtcNow;
    public string AppliedBy { get; set; } = "nick";
    public DateTime? RemovedAt { get; set; }

    public Lead Lead { get; set; } = null!;
}
