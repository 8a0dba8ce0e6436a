using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Companies;

/// <summary>The master record for a business. Table <c>companies</c>.</summary>
public class Company : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Name { get; set; } = null!;
    public string NormalizedName { get; set; } = null!;
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Industry { get; set; }
    public string? IcpTag { get; set; }
    public string? BusinessLabel { get; set; }
    public int? FleetSize { get; set; }
    public decimal? GoogleRating { get; set; }
    public int? GoogleReviewCount { get; set; }
    public string? HeroPhotoUrl { get; set; }
    public string? GoogleMapsUrl { get; set; }
    public string? AboutDescription { get; set; }
    public string? GooglePlaceId { get; set; }
    public string? LinkedinCompanyUrl { get; set; }
    public string? OwnerName { get; set; }
    public string? Source { get; set; }
    public string? Vendor { get; set; }
    public string? SalesNote { get; set; }
    public bool Taxable { get; set; } = true;
    public string? AssignedRepId { get; set; }
    public string? QbCustomerId { get; set; }
    public string? StripeCustomerId { get; set; }
    public CompanyStatus Status { get; set; } = CompanyStatus.LEAD;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public User? AssignedRep { get; set; }
    public ICollection<Contact> Contacts { get; set; } = new List<Contact>();
    public ICollection<Lead> Leads { get; set; } = new List<Lead>();
    public ICollection<Note> Notes { get; set; } = new List<Note>();
    public ICollection<CompanyAddress> Addresses { get; set; } = new List<CompanyAddress>();
    public ICollection<TaskItem> Tasks { get; set; } = new List<TaskItem>();
    public ICollection<Activity> Activities { get; set; } = new List<Activity>();
    public ICollection<Invoice> Invoices { get; set; } = new List<Invoice>();
    public ICollection<Device> Devices { get; set; } = new List<Device>();
    public ICollection<FulfillmentOrder> FulfillmentOrders { get; set; } = new List<FulfillmentOrder>();
}
