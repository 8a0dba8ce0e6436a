namespace GpsLeaders.Data.Fulfillment;

/// <summary>Lifecycle state of a SimCard. PostgreSQL enum type <c>"SimStatus"</c>; members are its labels, in order.</summary>
public enum SimStatus
{
    IN_STOCK,
    ASSIGNED,
    ACTIVE,
    DEACTIVATED,
}
