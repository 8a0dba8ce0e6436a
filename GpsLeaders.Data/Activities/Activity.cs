using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Activities;

/// <summary>The immutable audit trail of everything that happens in the CRM — stage changes, sends, payments, system events. Table <c>activities</c>.</summary>
public class Activity : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string? CompanyId { get; set; }
    public string? ContactId { get; set; }
    public string? UserId { get; set; }
    public string ActivityType { get; set; } = null!;
    public string Summary { get; set; } = null!;
    /// <summary>JSON document, stored as jsonb.</summary>
    public string? Detail { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public Lead? Lead { get; set; }
    public Company? Company { get; set; }
    public Contact? Contact { get; set; }
    public User? User { get; set; }
}
