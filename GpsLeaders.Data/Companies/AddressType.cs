namespace GpsLeaders.Data.Companies;

/// <summary>Role of a company address. PostgreSQL enum type <c>"AddressType"</c>; members are its labels, in order.</summary>
public enum AddressType
{
    BILLING,
    SHIPPING,
    BOTH,
}
