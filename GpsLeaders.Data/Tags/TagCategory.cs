namespace GpsLeaders.Data.Tags;

/// <summary>Classification of a Tag. PostgreSQL enum type <c>"TagCategory"</c>; members are its labels, in order.</summary>
public enum TagCategory
{
    DISPOSITION,
    ICP,
    GATE,
    CUSTOM,
}
