using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Sequences;

/// <summary>A log of each step within a run — when it was scheduled, when it fired, and any error. Table <c>sequence_step_logs</c>.</summary>
public class SequenceStepLog : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string SequenceRunId { get; set; } = null!;
    public int StepNumber { get; set; }
    public string ActionType { get; set; } = null!;
    public StepStatus Status { get; set; } = StepStatus.PENDING;
    public DateTime? ScheduledAt { get; set; }
    public DateTime? FiredAt { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; set; }

    public SequenceRun SequenceRun { get; set; } = null!;
}
