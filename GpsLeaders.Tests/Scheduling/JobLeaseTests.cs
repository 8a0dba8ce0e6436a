using System.Collections.Concurrent;
using Coravel.Invocable;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GpsLeaders.Tests.Scheduling;

/// <summary>
/// Coravel runs on every instance; the lease rows in job_runs make several app hosts on one database run a
/// periodic job once per interval, survive a holder that died mid-run, and serve "Run now".
/// </summary>
public sealed class JobLeaseTests
{
    const string TestJob = "test-counting";

    [Fact]
    public async Task Two_hosts_on_one_database_run_a_job_exactly_once_per_interval()
    {
        var db = await TestDatabases.CreateMigratedAsync();
        var log = new ExecutionLog();
        var every = TimeSpan.FromSeconds(4);
        await using var a = Host(db, log, every);
        await using var b = Host(db, log, every);
        _ = a.BaseAddress;
        _ = b.BaseAddress;

        await Eventually.GetAsync(() => Task.FromResult(log.Runs.Count >= 5 ? "five runs" : null), TimeSpan.FromSeconds(60), "five runs of the test job");
        var instances = new[] { a, b }.Select(h => h.Services.GetRequiredService<JobRunner>()).ToList();
        // Both schedulers were asking all along (each has polled), so every interval had two contenders.
        Assert.All(instances, r => Assert.NotNull(r.LastPollAt));
        await a.DisposeAsync();
        await b.DisposeAsync();

        var runs = log.Runs.ToList();
        Assert.All(runs, r => Assert.Contains(r.Holder, instances.Select(i => i.Instance)));
        var slots = runs.Select(r => r.Slot).Order().ToList();
        Assert.Equal(slots.Count, slots.Distinct().Count());
        // Consecutive intervals of the job's grid, none run twice and none skipped.
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(every, pair.Second - pair.First));
        Assert.Equal(runs.Count, await RunsCountedAsync(db));
    }

    [Fact]
    public async Task A_holder_that_crashed_mid_run_does_not_block_the_next_interval()
    {
        var db = await TestDatabases.CreateMigratedAsync();
        var every = TimeSpan.FromSeconds(3);
        // An instance claims the run and dies: no renewal, no finish.
        var crashed = await new JobLeases(NpgsqlDataSource.Create(db)).TryClaimDueAsync(TestJob, every, "crashed-instance", every);
        Assert.NotNull(crashed);

        var log = new ExecutionLog();
        await using var app = Host(db, log, every);
        _ = app.BaseAddress;
        var run = await Eventually.GetAsync(() => Task.FromResult(log.Runs.FirstOrDefault()),
            TimeSpan.FromSeconds(30), "a run on the live host");

        Assert.Equal(app.Services.GetRequiredService<JobRunner>().Instance, run.Holder);
        Assert.True(run.Slot > crashed.Slot);
        var state = await Eventually.GetAsync(async () =>
            await app.Services.GetRequiredService<JobLeases>().ReadAsync(TestJob) is { LastSucceeded: true } s ? s : null, what: "the live host's run recorded");
        Assert.Equal(run.Holder, state.LastHolder);
    }

    [Fact]
    public async Task Run_now_runs_the_job_once_and_refuses_while_it_runs_here_or_on_another_instance()
    {
        var db = await TestDatabases.CreateMigratedAsync();
        var log = new ExecutionLog();
        // Hourly: the scheduled first run happens at start, then nothing is due during the test.
        await using var a = Host(db, log, TimeSpan.FromHours(1));
        await using var b = Host(db, log, TimeSpan.FromHours(1));
        _ = a.BaseAddress;
        _ = b.BaseAddress;
        await Eventually.GetAsync(() => Task.FromResult(log.Runs.Count == 1 ? "yes" : null), what: "the run at start");
        var leases = a.Services.GetRequiredService<JobLeases>();
        await Eventually.GetAsync(async () => await leases.ReadAsync(TestJob) is { RunningOn: null, LastSucceeded: true } ? "idle" : null, what: "the first run finished");
        var nextBefore = (await leases.ReadAsync(TestJob))!.NextRunAt;

        var job = a.Services.GetServices<ScheduledJob>().Single(j => j.Name == TestJob);
        var runnerA = a.Services.GetRequiredService<JobRunner>();
        log.Hold();
        var first = await runnerA.RunNowAsync(job);
        Assert.Equal(RunNowOutcome.Started, first.Outcome);
        await Eventually.GetAsync(() => Task.FromResult(log.Started.Count == 2 ? "yes" : null), what: "the manual run to start");

        var again = await runnerA.RunNowAsync(job);
        var elsewhere = await b.Services.GetRequiredService<JobRunner>().RunNowAsync(b.Services.GetServices<ScheduledJob>().Single(j => j.Name == TestJob));
        Assert.Equal(RunNowOutcome.AlreadyRunning, again.Outcome);
        Assert.Equal(RunNowOutcome.AlreadyRunning, elsewhere.Outcome);
        Assert.Equal(runnerA.Instance, elsewhere.Instance);

        log.Release();
        await first.Completion!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, log.Runs.Count);
        var after = (await leases.ReadAsync(TestJob))!;
        Assert.Equal(2, after.Runs);
        Assert.Equal(runnerA.Instance, after.LastHolder);
        Assert.Null(after.RunningOn);
        // Run now is outside the schedule: the next scheduled run keeps its time.
        Assert.Equal(nextBefore, after.NextRunAt);
    }

    static CrmAppFactory Host(string db, ExecutionLog log, TimeSpan every) => new(db, services: s =>
    {
        s.AddSingleton(log);
        s.AddCrmJob<CountingJob>(TestJob, "Counts its runs (test only)", every);
    });

    static async Task<long> RunsCountedAsync(string db)
    {
        await using var conn = new NpgsqlConnection(db);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT runs FROM job_runs WHERE job = $1", conn) { Parameters = { new() { Value = TestJob } } };
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Shared by the hosts of one test: every run of the test job, with the instance and interval it served.</summary>
    sealed class ExecutionLog
    {
        public ConcurrentQueue<Execution> Started { get; } = new();
        public ConcurrentQueue<Execution> Runs { get; } = new();
        TaskCompletionSource _gate = Open();

        public void Hold() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _gate.TrySetResult();
        public Task Gate => _gate.Task;

        static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }

    sealed record Execution(string Holder, DateTime Slot);

    sealed class CountingJob(ExecutionLog log, CurrentJobRun current) : IInvocable
    {
        public async Task Invoke()
        {
            var claim = current.Claim!;
            log.Started.Enqueue(new(claim.Holder, claim.Slot));
            await log.Gate;
            log.Runs.Enqueue(new(claim.Holder, claim.Slot));
        }
    }
}
