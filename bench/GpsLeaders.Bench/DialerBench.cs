using GpsLeaders.Data.Tags;
using System.Diagnostics;
using GpsLeaders.Data;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Bench;

/// <summary>
/// The dialer figures (bench/dialer runs it on a bulk-seeded database): a 5,000-lead call list made directly in SQL,
/// then <c>calls</c> Save &amp; Next round trips as the screen makes them (the save's transaction plus the next lead's
/// rules, lease and card), the next-lead load alone, and the session stats query.
/// </summary>
public static class DialerBench
{
    public static async Task<int> RunAsync(string connectionString, int calls)
    {
        var sp = BenchServices.For(connectionString).BuildServiceProvider();
        var dbs = sp.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var session = sp.GetRequiredService<DialerSession>();
        string rep1, rep2, listId, dropId, tag;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            rep1 = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
            rep2 = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => u.Id).SingleAsync();
            dropId = await db.VoicemailDrops.Where(d => d.IsDefault).Select(d => d.Id).FirstAsync();
            tag = await db.Tags.Where(t => t.Category == TagCategory.DISPOSITION && t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Slug).FirstAsync();
            // Open the calling window all day: the bench times the screen, not the hour it happens to run at.
            const string allDay = """{"start":"00:00","end":"24:00"}""";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO settings (id, key, value, updated_at) VALUES (gen_random_uuid()::text, {DialerSettings.CallingHoursKey}, {allDay}::jsonb, now())
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                """);
            // A list of 5,000 leads from the bulk data, in a random order, with the DNC ones left in (the rules skip them).
            var ids = await db.Database.SqlQueryRaw<string>("SELECT id AS \"Value\" FROM leads ORDER BY md5(id) LIMIT 5000").ToListAsync();
            var list = new CallList { Name = "Bench 5,000", LeadIds = ids };
            db.CallLists.Add(list);
            await db.SaveChangesAsync();
            listId = list.Id;
        }
        Console.WriteLine($"call list: 5,000 leads; calls timed: {calls}");

        var sessionStart = DateTime.UtcNow; // what the screen keeps per circuit
        var step = await session.ResumeAsync(listId, rep1);
        var saves = new List<double>(calls);
        var skipped = 0;
        for (var i = 0; i < calls + 20 && step.Lead is { } lead; i++)
        {
            var call = (i % 5) switch
            {
                0 => new DialerCall(CallOutcome.CONNECTED, 95, DispositionTag: tag, Note: "Bench: interested, send pricing.", CallbackAtUtc: DateTime.UtcNow.AddDays(2)),
                1 => new DialerCall(CallOutcome.VOICEMAIL, 30, dropId),
                2 => new DialerCall(CallOutcome.NO_ANSWER, 25),
                3 => new DialerCall(CallOutcome.BUSY, 5, Note: "Busy signal."),
                _ => i % 25 == 4 ? new DialerCall(CallOutcome.WRONG_NUMBER) : new DialerCall(CallOutcome.NO_ANSWER, 20, Stage: LeadStage.HOT),
            };
            var watch = Stopwatch.StartNew();
            (_, step) = await session.SaveAndNextAsync(listId, rep1, lead.LeadId, step.Index, call);
            if (i >= 20) { saves.Add(watch.Elapsed.TotalMilliseconds); skipped += step.Skipped.Count; } // the first 20 warm up
        }
        Report("Save & Next (save + next lead ready)", saves);
        Console.WriteLine($"  leads skipped automatically on the way: {skipped}");

        // The next-lead load alone, by a second rep at places spread over the list (their lease given back after each).
        var loads = new List<double>();
        var random = new Random(7);
        for (var i = 0; i < 120; i++)
        {
            var watch = Stopwatch.StartNew();
            var next = await session.NextAsync(listId, rep2, random.Next(600, 4900));
            if (i >= 20) loads.Add(watch.Elapsed.TotalMilliseconds);
            if (next.Lead is { } l) await sp.GetRequiredService<LeadLease>().ReleaseAsync(l.LeadId, rep2);
        }
        Report("next lead alone (rules + lease + card)", loads);

        var stats = sp.GetRequiredService<DialerStats>();
        var statTimes = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            await stats.SessionAsync(rep1, sessionStart);
            if (i >= 10) statTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        Report("session stats", statTimes);
        return 0;
    }

    static void Report(string name, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{name,-44} p50 {P(times, 0.50),7:0.0} ms   p95 {P(times, 0.95),7:0.0} ms   max {times[^1],7:0.0} ms   n={times.Count}");
    }

    static double P(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
