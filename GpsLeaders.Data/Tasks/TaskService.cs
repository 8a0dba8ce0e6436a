using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Tasks;

public sealed record TaskInput(
    string? Title,
    DateTime? DueAtUtc,
    TaskPriority Priority = TaskPriority.NORMAL,
    TaskType Type = TaskType.FOLLOW_UP,
    string? AssignedToId = null,
    string? CompanyId = null,
    string? LeadId = null,
    string? Description = null,
    int? DurationMin = null);

/// <summary>Follow-up tasks on a company or a lead: create, complete, reopen. Assignment reaches the assignee live.</summary>
public sealed class TaskService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string ChangedEvent = "task.changed";

    public async Task<TaskItem> CreateAsync(TaskInput input, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var task = await AddAsync(db, input, actingUserId, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(Published(task, actingUserId), ct);
        return task;
    }

    /// <summary>
    /// Checks and adds a task with its <c>task.created</c> Activity to <paramref name="db"/> without saving, for use cases
    /// that create one inside their own transaction (the dialer's callback). Publish <see cref="Published"/> after saving.
    /// </summary>
    public static async Task<TaskItem> AddAsync(CrmDbContext db, TaskInput input, string actingUserId, DateTime nowUtc, CancellationToken ct)
    {
        var check = new Validation().Require("title", input.Title, "Title");
        if (input.Title?.Trim().Length > 300) check.Add("title", "A title can be at most 300 characters.");
        if (input.CompanyId is null && input.LeadId is null) check.Add("companyId", "A task belongs to a company or a lead.");
        if (input.DurationMin is < 0 or > 24 * 60) check.Add("durationMin", "Duration must be between 0 and 1,440 minutes.");
        check.ThrowIfAny();

        var companyId = input.CompanyId;
        if (input.LeadId is not null)
        {
            var lead = await db.Leads.Where(l => l.Id == input.LeadId).Select(l => new { l.CompanyId }).FirstOrDefaultAsync(ct)
                ?? throw new ValidationFailedException("leadId", "This lead no longer exists.");
            if (companyId is not null && lead.CompanyId != companyId) throw new ValidationFailedException("leadId", "That lead does not belong to this company.");
            companyId = lead.CompanyId;
        }
        else if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
            throw new ValidationFailedException("companyId", "This company no longer exists.");
        var assignee = input.AssignedToId ?? actingUserId;
        if (!await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive, ct))
            throw new ValidationFailedException("assignedToId", "Tasks can only be assigned to an active user.");

        var task = new TaskItem
        {
            Title = input.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            DueAt = input.DueAtUtc is { } due ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : null,
            Priority = input.Priority,
            TaskType = input.Type,
            AssignedToId = assignee,
            CompanyId = companyId,
            LeadId = input.LeadId,
            DurationMin = input.DurationMin,
        };
        db.Tasks.Add(task);
        db.Record("task.created", $"Task \"{task.Title}\" created.", new { taskId = task.Id, task.DueAt, priority = task.Priority.ToString(), assignee },
            userId: actingUserId, leadId: task.LeadId, companyId: companyId, occurredAt: nowUtc);
        return task;
    }

    /// <summary>The live event of a new task: it reaches the assignee, with a toast when someone else assigned it.</summary>
    public static LiveEvent Published(TaskItem task, string actingUserId) =>
        new(ChangedEvent, task.Id, task.AssignedToId == actingUserId ? null : $"New task for you: {task.Title}", ForUserId: task.AssignedToId);

    public Task<TaskItem> CompleteAsync(string taskId, uint version, string actingUserId, CancellationToken ct = default) =>
        SetCompletedAsync(taskId, version, actingUserId, true, ct);

    public Task<TaskItem> ReopenAsync(string taskId, uint version, string actingUserId, CancellationToken ct = default) =>
        SetCompletedAsync(taskId, version, actingUserId, false, ct);

    async Task<TaskItem> SetCompletedAsync(string taskId, uint version, string actingUserId, bool completed, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new ValidationFailedException("task", "This task no longer exists.");
        db.Entry(task).Property(t => t.Version).OriginalValue = version;
        if (task.IsCompleted == completed) return task;
        task.IsCompleted = completed;
        task.CompletedAt = completed ? clock.GetUtcNow().UtcDateTime : null;
        db.Record(completed ? "task.completed" : "task.reopened", $"Task \"{task.Title}\" {(completed ? "completed" : "reopened")}.",
            new { taskId }, userId: actingUserId, leadId: task.LeadId, companyId: task.CompanyId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("task"); }
        await db.PublishAsync(new LiveEvent(ChangedEvent, task.Id, ForUserId: task.AssignedToId), ct);
        return task;
    }
}
