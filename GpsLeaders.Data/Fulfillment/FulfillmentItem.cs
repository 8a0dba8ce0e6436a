using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Fulfillment;

/// <summary>A line within a fulfillment order — one specific device (and optionally its SIM card) being shipped. Table <c>fulfillment_items</c>.</summary>
public class FulfillmentItem : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string FulfillmentOrderId { get; set; } = null!;
    public string DeviceId { get; set; } = null!;
    public string? SimCardId { get; set; }
    public DateTime CreatedAt { get; set; }

    public FulfillmentOrder FulfillmentOrder { get; set; } = null!;
    public Device Device { get; set; } = null!;
    public SimCard? SimCard { get; set; }
}
