namespace GpsLeaders.Data.Invoicing;

/// <summary>How a Payment was made. PostgreSQL enum type <c>"PaymentMethod"</c>; members are its labels, in order.</summary>
public enum PaymentMethod
{
    STRIPE,
    CHECK,
    CASH,
    WIRE,
    OTHER,
}
