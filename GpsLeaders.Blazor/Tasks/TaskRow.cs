using Radzen;
using GpsLeaders.Data.Tasks;

namespace GpsLeaders.Blazor.Tasks;

/// <summary>What the task lists show of a task.</summary>
public sealed record TaskRow(
    string Id, uint Version, string Title, DateTime? DueAt, TaskPriority Priority, bool IsCompleted,
    string? AssigneeName, string? CompanyId, string? CompanyName, string? LeadId)
{
    public static IQueryable<TaskRow> From(IQueryable<TaskItem> tasks) => tasks.Select(t => new TaskRow(
        t.Id, t.Version, t.Title, t.DueAt, t.Priority, t.IsCompleted,
        t.AssignedTo == null ? null : t.AssignedTo.FirstName + " " + t.AssignedTo.LastName,
        t.CompanyId, t.Company == null ? null : t.Company.Name, t.LeadId));

    public static BadgeStyle PriorityStyle(TaskPriority p) => p switch
    {
        TaskPriority.URGENT => BadgeStyle.Danger,
        TaskPriority.HIGH => BadgeStyle.Warning,
        TaskPriority.LOW => BadgeStyle.Light,
        _ => BadgeStyle.Info,
    };
}
