using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Data.Tasks;

/// <summary>A to-do / follow-up item. Table <c>tasks</c>.</summary>
public class TaskItem : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? LeadId { get; set; }
    public string? CompanyId { get; set; }
    public string? AssignedToId { get; set; }
    public string Title { get; set; } = null!;
    public string? Description { get; set; }
    public TaskType TaskType { get; set; } = TaskType.GENERAL;
    public TaskPriority Priority { get; set; } = TaskPriority.NORMAL;
    public DateTime? DueAt { get; set; }
    public string? CalendarEventId { get; set; }
    public int? DurationMin { get; set; }
    public DateTime? CompletedAt { get; set; }
    public bool IsCompleted { get; set; }
    public string? SequenceRunId { get; set; }
    public int? SequenceStepNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Lead? Lead { get; set; }
    public Company? Company { get; set; }
    public User? AssignedTo { get; set; }
    public SequenceRun? SequenceRun { get; set; }
}
