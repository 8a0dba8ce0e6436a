using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A named tax rate (CA district, resale, out-of-state, etc.) selectable on an invoice. Table <c>tax_rates</c>.</summary>
public class TaxRate : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Slug { get; set; } = null!;
    public string Name { get; set; } = null!;
    public decimal Rate { get; set; }
    public string? State { get; set; }
    public string? Jurisdiction { get; set; }
    public TaxRateCategory Category { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public ICollection<Invoice> Invoices { get; set; } = new List<Invoice>();
}
