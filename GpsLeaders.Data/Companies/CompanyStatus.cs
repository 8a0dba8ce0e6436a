namespace GpsLeaders.Data.Companies;

/// <summary>What a company is — drives classification of the master record. PostgreSQL enum type <c>"CompanyStatus"</c>; members are its labels, in order.</summary>
public enum CompanyStatus
{
    LEAD,
    CUSTOMER,
    PARTNER,
    CONTACT,
    INACTIVE,
    DEAD,
}
