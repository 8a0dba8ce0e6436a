namespace GpsLeaders.Data.Leads;

/// <summary>Pipeline stage of a Lead. PostgreSQL enum type <c>"LeadStage"</c>; members are its labels, in order.</summary>
public enum LeadStage
{
    NEW_LEAD,
    HOT,
    QUALIFIED,
    QUOTED,
    BUY_PERIOD_30,
    BUY_PERIOD_60,
    BUY_PERIOD_90,
    WON,
    LOST,
    BOGUS,
}
