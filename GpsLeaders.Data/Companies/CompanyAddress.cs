using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Companies;

/// <summary>A physical address belonging to a company — billing, shipping, or both. Table <c>company_addresses</c>.</summary>
public class CompanyAddress : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string CompanyId { get; set; } = null!;
    public string Label { get; set; } = null!;
    public AddressType Type { get; set; }
    public string AddressLine1 { get; set; } = null!;
    public string? AddressLine2 { get; set; }
    public string City { get; set; } = null!;
    public string State { get; set; } = null!;
    public string Zip { get; set; } = null!;
    public string Country { get; set; } = "US";
    public string? Notes { get; set; }
    public bool IsDefaultBilling { get; set; }
    public bool IsDefaultShipping { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Company Company { get; set; } = null!;
    public ICollection<Invoice> BilledInvoices { get; set; } = new List<Invoice>();
    public ICollection<Invoice> ShippedInvoices { get; set; } = new List<Invoice>();
}
