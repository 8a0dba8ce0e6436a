using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Fulfillment;

/// <summary>A shipment of devices fulfilling an invoice. Table <c>fulfillment_orders</c>.</summary>
public class FulfillmentOrder : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string InvoiceId { get; set; } = null!;
    public string CompanyId { get; set; } = null!;
    public FulfillmentStatus Status { get; set; } = FulfillmentStatus.PENDING;
    public int DeviceCount { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Carrier { get; set; }
    public DateTime? ShippedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Invoice Invoice { get; set; } = null!;
    public Company Company { get; set; } = null!;
    public ICollection<FulfillmentItem> Items { get; set; } = new List<FulfillmentItem>();
}
