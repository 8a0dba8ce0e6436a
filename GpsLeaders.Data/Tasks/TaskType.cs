namespace GpsLeaders.Data.Tasks;

/// <summary>Kind of a Task. PostgreSQL enum type <c>"TaskType"</c>; members are its labels, in order.</summary>
public enum TaskType
{
    CALL,
    EMAIL,
    SMS,
    FOLLOW_UP,
    GENERAL,
}
