namespace GpsLeaders.Data.Invoicing;

/// <summary>Billing type of a Product. PostgreSQL enum type <c>"ProductType"</c>; members are its labels, in order.</summary>
public enum ProductType
{
    ONE_TIME,
    RECURRING,
    SERVICE,
}
