namespace GpsLeaders.Data.Leads;

/// <summary>Deal-risk classification on a LeadScore. PostgreSQL enum type <c>"DealRisk"</c>; members are its labels, in order.</summary>
public enum DealRisk
{
    LOW,
    MEDIUM,
    HIGH,
    UNKNOWN,
}
