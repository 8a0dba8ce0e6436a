namespace GpsLeaders.Data.Sequences;

/// <summary>Lifecycle state of a SequenceRun. PostgreSQL enum type <c>"SequenceStatus"</c>; members are its labels, in order.</summary>
public enum SequenceStatus
{
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELED,
}
