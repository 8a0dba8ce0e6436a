using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;

namespace GpsLeaders.Data.Sequences;

/// <summary>A live instance of a sequence executing against one lead. Table <c>sequence_runs</c>.</summary>
public class SequenceRun : IHasCreatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string LeadId { get; set; } = null!;
    public string SequenceDefId { get; set; } = null!;
    public string TagSlug { get; set; } = null!;
    public SequenceStatus Status { get; set; } = SequenceStatus.ACTIVE;
    public int CurrentStep { get; set; }
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime? NextStepAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? PausedAt { get; set; }
    public string? PausedReason { get; set; }
    public DateTime? CanceledAt { get; set; }
    public string? CanceledReason { get; set; }
    public DateTime CreatedAt { get; set; }

    public Lead Lead { get; set; } = null!;
    public SequenceDefinition SequenceDef { get; set; } = null!;
    public ICollection<TaskItem> Tasks { get; set; } = new List<TaskItem>();
    public ICollection<SequenceStepLog> StepLogs { get; set; } = new List<SequenceStepLog>();
}
