using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Invoicing;

/// <summary>A product/service catalog item, synced from QuickBooks (qbItemId is the link). Table <c>products</c>.</summary>
public class Product : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string QbItemId { get; set; } = null!;
    public string Name { get; set; } = null!;
    public string? Description { get; set; }
    public string? Sku { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal? Cost { get; set; }
    public string? Category { get; set; }
    public ProductType Type { get; set; } = ProductType.ONE_TIME;
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastSyncedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
