using System.Diagnostics;
using GpsLeaders.Data;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Bench;

/// <summary>
/// Call-list figures (bench/calllist runs it on a bulk-seeded database): the live preview count, building a 5,000-lead list
/// from filters that match more than that (the cap applies), and refreshing such a list.
/// </summary>
public static class CallListBench
{
    public static async Task<int> RunAsync(string connectionString, int runs)
    {
        var sp = BenchServices.For(connectionString).BuildServiceProvider();
        var lists = sp.GetRequiredService<CallListService>();
        string userId;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
            userId = await db.Users.OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();

        LeadStage[] open = [LeadStage.NEW_LEAD, LeadStage.HOT, LeadStage.QUALIFIED, LeadStage.QUOTED, LeadStage.BUY_PERIOD_30, LeadStage.BUY_PERIOD_60, LeadStage.BUY_PERIOD_90];
        (string Name, CallListFilter Filter)[] filters =
        [
            ("open stages, has phone, not DNC", new CallListFilter { Stages = [.. open], HasPhone = true }),
            ("Eastern + Central zones, not called in 7 days", new CallListFilter { TimeZones = ["America/New_York", "America/Chicago"], HasPhone = true,
                LastContactedBefore = DateTime.UtcNow.AddDays(-7) }),
            ("states TX CA FL, open stages", new CallListFilter { States = ["TX", "CA", "FL"], Stages = [.. open] }),
        ];
        Console.WriteLine($"{"scenario",-62} {"matches",8} {"leads",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8}   runs={runs}");
        foreach (var (name, filter) in filters)
        {
            var matches = await lists.PreviewCountAsync(filter, userId);
            var size = 0;
            await TimeAsync($"preview count: {name}", matches, matches, runs, () => lists.PreviewCountAsync(filter, userId));
            string? listId = null;
            await TimeAsync($"build: {name}", matches, null, runs, async () =>
            {
                var built = await lists.BuildAsync("Bench " + name, filter, userId);
                (listId, size) = (built.List.Id, built.List.LeadIds.Count);
                return size;
            });
            await TimeAsync($"refresh: {name}", matches, size, runs, async () => (await lists.RefreshAsync(listId!, userId)).List.LeadIds.Count);
        }
        // The dashboard card re-reads this on every inbox event.
        var board = sp.GetRequiredService<Leaderboard>();
        var today = DateTime.UtcNow.Date;
        await TimeAsync("leaderboard: today", 0, null, runs, async () => (await board.SinceAsync(today)).Count);
        await TimeAsync("leaderboard: this week", 0, null, runs, async () => (await board.SinceAsync(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)))).Count);
        return 0;
    }

    static async Task TimeAsync(string name, int matches, int? leads, int runs, Func<Task<int>> run)
    {
        for (var i = 0; i < 2; i++) leads = await run(); // warm-up
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var shown = name.StartsWith("build") || name.StartsWith("refresh") ? leads?.ToString() ?? "" : "";
        Console.WriteLine($"{name,-62} {matches,8} {shown,6} {P(times, 0.50),8:0.0} {P(times, 0.95),8:0.0} {times[^1],8:0.0}");
    }

    static double P(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
