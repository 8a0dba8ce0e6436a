namespace GpsLeaders.Data.Tasks;

/// <summary>Priority of a Task. PostgreSQL enum type <c>"TaskPriority"</c>; members are its labels, in order.</summary>
public enum TaskPriority
{
    URGENT,
    HIGH,
    NORMAL,
    LOW,
}
