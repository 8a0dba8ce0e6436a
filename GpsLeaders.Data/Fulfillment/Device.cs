using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Fulfillment;

/// <summary>A physical GPS tracking device (default model GL300). Table <c>devices</c>.</summary>
public class Device : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string SerialNumber { get; set; } = null!;
    public string? Imei { get; set; }
    public string Model { get; set; } = "GL300";
    public DeviceStatus Status { get; set; } = DeviceStatus.IN_STOCK;
    public string? CompanyId { get; set; }
    public string? InvoiceId { get; set; }
    public string? SimCardId { get; set; }
    public DateOnly? ActivationDate { get; set; }
    public bool TrackingActive { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Company? Company { get; set; }
    public Invoice? Invoice { get; set; }
    public SimCard? SimCard { get; set; }
    public ICollection<FulfillmentItem> FulfillmentItems { get; set; } = new List<FulfillmentItem>();
}
