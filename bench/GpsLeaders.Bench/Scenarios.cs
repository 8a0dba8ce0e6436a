using GpsLeaders.Data.Search;
using GpsLeaders.Data;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Bench;

public sealed record Scenario(string Name, Func<int, Task> Run);

/// <summary>The server-side work behind each page, called the way the page calls it.</summary>
public static class Scenarios
{
    public static IEnumerable<Scenario> All(IServiceProvider services, Samples s)
    {
        var dbs = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var timelines = services.GetRequiredService<Timelines>();

        yield return new("global search: name fragment", i => GlobalSearch.FindAsync(dbs, s.NameFragments[i % s.NameFragments.Length], 5));
        yield return new("global search: phone (any format)", i => GlobalSearch.FindAsync(dbs, "(" + s.Phones[i % s.Phones.Length][2..5] + ") " + s.Phones[i % s.Phones.Length][5..8] + "-" + s.Phones[i % s.Phones.Length][8..], 5));
        yield return new("global search: email", i => GlobalSearch.FindAsync(dbs, s.Emails[i % s.Emails.Length], 5));
        var statuses = Enum.GetValues<CompanyStatus>();
        yield return new("companies grid: page of 25, status filter, name sort", async i =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            await CompanyGrid.PageAsync(db, new CompanyFilter { Statuses = [statuses[i % 3]] }, CompanySort.Name, i % 2 == 1, (i % 40) * 25, 25);
        });
        yield return new("companies grid: rep filter, fleet-size sort", async i =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            await CompanyGrid.PageAsync(db, new CompanyFilter { AssignedRepId = s.RepIds[i % s.RepIds.Length] }, CompanySort.FleetSize, true, 0, 25);
        });
        yield return new("companies grid: text search", async i =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            await CompanyGrid.PageAsync(db, new CompanyFilter { Search = s.NameFragments[i % s.NameFragments.Length] }, CompanySort.Name, false, 0, 25);
        });
        yield return new("pipeline board: all stages", async i =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            await PipelineBoard.LoadAsync(db, new LeadFilter(), DateTime.UtcNow);
        });
        yield return new("company detail: header, counts, timeline", async i =>
        {
            var id = s.CompanyIds[i % s.CompanyIds.Length];
            await using var db = await dbs.CreateDbContextAsync();
            await db.Companies.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { Company = c, Rep = c.AssignedRep == null ? null : c.AssignedRep.FirstName, Contacts = c.Contacts.Count(), Leads = c.Leads.Count() })
                .FirstOrDefaultAsync();
            await db.Contacts.AsNoTracking().Where(c => c.CompanyId == id).OrderBy(c => c.FullName).Take(200).ToListAsync();
            await timelines.PageAsync(new TimelineScope(CompanyId: id));
        });
        yield return new("company timeline: first page", i => timelines.PageAsync(new TimelineScope(CompanyId: s.CompanyIds[i % s.CompanyIds.Length])));
    }
}
