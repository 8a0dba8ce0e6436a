using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Notes;

/// <summary>A free-text note authored by a user against a company (and optionally a specific lead). Table <c>notes</c>.</summary>
public class Note : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string CompanyId { get; set; } = null!;
    public string? LeadId { get; set; }
    public string AuthorId { get; set; } = null!;
    public string Body { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }

    public Company Company { get; set; } = null!;
    public Lead? Lead { get; set; }
    public User Author { get; set; } = null!;
}
