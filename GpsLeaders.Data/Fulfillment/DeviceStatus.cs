namespace GpsLeaders.Data.Fulfillment;

/// <summary>Lifecycle state of a GPS Device. PostgreSQL enum type <c>"DeviceStatus"</c>; members are its labels, in order.</summary>
public enum DeviceStatus
{
    IN_STOCK,
    ASSIGNED,
    SHIPPED,
    ACTIVATED,
    RETURNED,
    DEFECTIVE,
}
