namespace GpsLeaders.Data.Sequences;

/// <summary>State of a SequenceStepLog entry. PostgreSQL enum type <c>"StepStatus"</c>; members are its labels, in order.</summary>
public enum StepStatus
{
    PENDING,
    FIRED,
    SKIPPED,
    FAILED,
}
