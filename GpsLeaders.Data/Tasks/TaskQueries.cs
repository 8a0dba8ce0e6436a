using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Tasks;

/// <summary>What the task lists show of a task.</summary>
public sealed record TaskRow(
    string Id, uint Version, string Title, DateTime? DueAt, TaskPriority Priority, bool IsCompleted,
    string? AssigneeName, string? CompanyId, string? CompanyName, string? LeadId);

/// <summary>A user's open tasks split by the viewer's day: overdue, due later today, due after today (or never).</summary>
public sealed record MyTaskLists(List<TaskRow> Overdue, List<TaskRow> Today, List<TaskRow> Upcoming);

/// <summary>Reads for the task screens: my tasks, a week of them, and a company's or a lead's.</summary>
public sealed class TaskQueries(IDbContextFactory<CrmDbContext> dbs)
{
    static IQueryable<TaskRow> Rows(IQueryable<TaskItem> tasks) => tasks.Select(t => new TaskRow(
        t.Id, t.Version, t.Title, t.DueAt, t.Priority, t.IsCompleted,
        t.AssignedTo == null ? null : t.AssignedTo.FirstName + " " + t.AssignedTo.LastName,
        t.CompanyId, t.Company == null ? null : t.Company.Name, t.LeadId));

    /// <param name="now">UTC now.</param>
    /// <param name="tomorrowStart">The start of the viewer's next calendar day, in UTC ("today" is theirs, not UTC's).</param>
    public async Task<MyTaskLists> MineAsync(string userId, DateTime now, DateTime tomorrowStart, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = db.Tasks.AsNoTracking().Where(t => t.AssignedToId == userId && !t.IsCompleted);
        var overdue = await Rows(open.Where(t => t.DueAt < now).OrderBy(t => t.DueAt)).Take(200).ToListAsync(ct);
        var today = await Rows(open.Where(t => t.DueAt >= now && t.DueAt < tomorrowStart).OrderBy(t => t.DueAt)).Take(200).ToListAsync(ct);
        var upcoming = await Rows(open.Where(t => t.DueAt >= tomorrowStart || t.DueAt == null).OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt))
            .Take(200).ToListAsync(ct);
        return new MyTaskLists(overdue, today, upcoming);
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
