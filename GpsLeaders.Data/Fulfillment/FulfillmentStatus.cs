namespace GpsLeaders.Data.Fulfillment;

/// <summary>State of a FulfillmentOrder through the warehouse workflow. PostgreSQL enum type <c>"FulfillmentStatus"</c>; members are its labels, in order.</summary>
public enum FulfillmentStatus
{
    PENDING,
    PICKING,
    PACKED,
    SHIPPED,
    DELIVERED,
    CANCELED,
}
