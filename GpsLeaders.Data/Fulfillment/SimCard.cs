using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Fulfillment;

/// <summary>A cellular SIM card that pairs 1:1 with a Device. Table <c>sim_cards</c>.</summary>
public class SimCard : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Iccid { get; set; } = null!;
    public string? PhoneNumber { get; set; }
    public string? Carrier { get; set; }
    public SimStatus Status { get; set; } = SimStatus.IN_STOCK;
    public DateTime? ActivatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Device? Device { get; set; }
    public ICollection<FulfillmentItem> FulfillmentItems { get; set; } = new List<FulfillmentItem>();
}
