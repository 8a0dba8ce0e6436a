using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Tasks;

/// <summary>What the task lists show of a task.</summary>
public sealed record TaskRow(
    string Id, uint Version, string Title, DateTime? DueAt, TaskPriority Priority, bool IsCompleted,
    string? AssigneeName, string? CompanyId, string? CompanyName, string? LeadId);

/// <summary>Open tasks split by the viewer's day: overdue, due later today, due after today (or never). Each list holds at most
/// 200 rows; <paramref name="OverdueCount"/> counts every overdue one.</summary>
public sealed record MyTaskLists(List<TaskRow> Overdue, List<TaskRow> Today, List<TaskRow> Upcoming, int OverdueCount);

/// <summary>Reads for the task screens: my tasks, the team's, a week of them, and a company's or a lead's.</summary>
public sealed class TaskQueries(IDbContextFactory<CrmDbContext> dbs)
{
    static IQueryable<TaskRow> Rows(IQueryable<TaskItem> tasks) => tasks.Select(t => new TaskRow(
        t.Id, t.Version, t.Title, t.DueAt, t.Priority, t.IsCompleted,
        t.AssignedTo == null ? null : t.AssignedTo.FirstName + " " + t.AssignedTo.LastName,
        t.CompanyId, t.Company == null ? null : t.Company.Name, t.LeadId));

    /// <summary>What "overdue" means everywhere (the dashboard's count, the task lists): open and due before now.</summary>
    /// <param name="now">UTC now, as a parameter: the column is timestamp without time zone, the database's now() is not.</param>
    public static IQueryable<TaskItem> Overdue(IQueryable<TaskItem> tasks, DateTime now) => tasks.Where(t => !t.IsCompleted && t.DueAt < now);

    /// <param name="now">UTC now.</param>
    /// <param name="tomorrowStart">The start of the viewer's next calendar day, in UTC ("today" is theirs, not UTC's).</param>
    public Task<MyTaskLists> MineAsync(string userId, DateTime now, DateTime tomorrowStart, CancellationToken ct = default) =>
        ListsAsync(userId, now, tomorrowStart, ct);

    /// <summary>The whole team's open tasks (every assignee, and unassigned ones), or one rep's when <paramref name="assigneeId"/> is given.
    /// For managers only: the page decides who may ask.</summary>
    public Task<MyTaskLists> TeamAsync(string? assigneeId, DateTime now, DateTime tomorrowStart, CancellationToken ct = default) =>
        ListsAsync(assigneeId, now, tomorrowStart, ct);

    async Task<MyTaskLists> ListsAsync(string? assigneeId, DateTime now, DateTime tomorrowStart, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tasks = db.Tasks.AsNoTracking();
        if (assigneeId is not null) tasks = tasks.Where(t => t.AssignedToId == assigneeId);
        var open = tasks.Where(t => !t.IsCompleted);
        var overdue = await Rows(Overdue(tasks, now).OrderBy(t => t.DueAt)).Take(200).ToListAsync(ct);
        var overdueCount = overdue.Count < 200 ? overdue.Count : await Overdue(tasks, now).CountAsync(ct);
        var today = await Rows(open.Where(t => t.DueAt >= now && t.DueAt < tomorrowStart).OrderBy(t => t.DueAt)).Take(200).ToListAsync(ct);
        var upcoming = await Rows(open.Where(t => t.DueAt >= tomorrowStart || t.DueAt == null).OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt))
            .Take(200).ToListAsync(ct);
        return new MyTaskLists(overdue, today, upcoming, overdueCount);
    }

    /// <summary>The user's tasks due in [from, to), by due time.</summary>
    public async Task<List<TaskRow>> DueBetweenAsync(string userId, DateTime from, DateTime to, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Rows(db.Tasks.AsNoTracking().Where(t => t.AssignedToId == userId && t.DueAt >= from && t.DueAt < to).OrderBy(t => t.DueAt))
            .Take(500).ToListAsync(ct);
    }

    /// <summary>A lead's tasks (when <paramref name="leadId"/> is given) or a company's: open first, by due time.</summary>
    public async Task<List<TaskRow>> OfRecordAsync(string? companyId, string? leadId, bool withDone, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tasks = leadId is not null ? db.Tasks.AsNoTracking().Where(t => t.LeadId == leadId) : db.Tasks.AsNoTracking().Where(t => t.CompanyId == companyId);
        if (!withDone) tasks = tasks.Where(t => !t.IsCompleted);
        return await Rows(tasks.OrderBy(t => t.IsCompleted).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt)).Take(200).ToListAsync(ct);
    }
}
