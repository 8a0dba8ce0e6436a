using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dashboard;

public sealed record FeedEntry(DateTime OccurredAt, string Type, string Summary);

public sealed record DashboardNow(int Companies, int OpenLeads, int OverdueTasks, IReadOnlyList<FeedEntry> Feed);

/// <summary>What the dashboard shows: the headline counts and the newest activity.</summary>
public sealed class DashboardFigures(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public async Task<DashboardNow> ReadAsync(int feedSize = 15, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var companies = await db.Companies.CountAsync(ct);
        var openLeads = await db.Leads.CountAsync(l => !LeadStages.Closed.Contains(l.Stage), ct);
        // The same rule as the Tasks page's overdue list, so the two counts agree.
        var overdue = await Tasks.TaskQueries.Overdue(db.Tasks, clock.GetUtcNow().UtcDateTime).CountAsync(ct);
        // Newest recorded first: ids are UUIDv7 text, so the primary-key index serves this without a scan.
        var feed = await db.Activities.AsNoTracking().OrderByDescending(a => a.Id).Take(feedSize)
            .Select(a => new FeedEntry(a.OccurredAt, a.ActivityType, a.Summary)).ToListAsync(ct);
        return new DashboardNow(companies, openLeads, overdue, feed);
    }
}
