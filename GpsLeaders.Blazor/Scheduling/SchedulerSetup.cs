using Coravel;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// Coravel's scheduler runs on every app instance; <see cref="JobLeases"/> in PostgreSQL makes them behave as one
/// (a run is claimed in <c>job_runs</c>, so each interval runs once across instances). Add a job with
/// <see cref="AddCrmJob{TJob}"/>: a Coravel <see cref="IInvocable"/> (also <see cref="ICancellableInvocable"/> to
/// hear about shutdown), resolved in its own DI scope per run.
/// </summary>
public static class SchedulerSetup
{
    public static IServiceCollection AddCrmScheduler(this IServiceCollection services, IConfiguration config)
    {
        services.AddScheduler();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<CurrentJobRun>();
        services.AddHostedService<JobSchedule>();
        services.AddCrmJob<SchedulerHeartbeatJob>(SchedulerHeartbeatJob.Name, "Records that the scheduler is alive (read by /healthz)",
            TimeSpan.FromSeconds(config.GetValue("Scheduler:HeartbeatSeconds", 30)));
        services.AddCrmJob<Leads.LeadScoreJob>(Leads.LeadScoreJob.Name, "Recomputes every lead's quality, engagement and deal risk", TimeSpan.FromHours(1));
        services.AddCrmJob<Inbox.Email.EmailSyncJob>(Inbox.Email.EmailSyncJob.Name, "Pulls new mail from every active Gmail account into the inbox",
            TimeSpan.FromMinutes(config.GetValue("Gmail:SyncMinutes", 2)));
        return services;
    }

    /// <summary>Registers a job that runs once every <paramref name="every"/> across all instances; the description shows on Settings → Jobs.</summary>
    public static IServiceCollection AddCrmJob<TJob>(this IServiceCollection services, string name, string description, TimeSpan every)
        where TJob : class, IInvocable
    {
        if (every < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(every), "A job runs at most once a second.");
        services.AddTransient<TJob>();
        services.AddSingleton(new ScheduledJob(name, description, every, typeof(TJob)));
        return services;
    }
}

/// <summary>A periodic job as registered: its <c>job_runs</c> row is keyed by <see cref="Name"/>.</summary>
public sealed record ScheduledJob(string Name, string Description, TimeSpan Every, Type JobType)
{
    static readonly int[] DivisorsOfAMinute = [15, 12, 10, 6, 5, 4, 3, 2, 1];

    /// <summary>
    /// How often each instance asks whether the job is due: about a tenth of the interval, at most every 15 s,
    /// so a run starts at most that late. Divisors of 60 keep Coravel's per-second schedule evenly spaced.
    /// </summary>
    public int PollSeconds => DivisorsOfAMinute.First(s => s <= Math.Max(1, Every.TotalSeconds / 10));
}

/// <summary>The run a job's scope is serving (set before the job is resolved); jobs may inject it to log or check their slot.</summary>
public sealed class CurrentJobRun
{
    public JobClaim? Claim { get; internal set; }
}

/// <summary>Puts every registered job on Coravel's scheduler when the host starts (Coravel itself starts ticking once the app has started).</summary>
sealed class JobSchedule(IServiceProvider services, IEnumerable<ScheduledJob> jobs, JobRunner runner, ILogger<JobSchedule> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var list = jobs.ToList();
        if (list.GroupBy(j => j.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"Two jobs are registered as '{twice.Key}'.");
        services.UseScheduler(scheduler =>
        {
            foreach (var job in list)
            {
                // A worker per job, so a long run (lead scores) never delays another job's check.
                scheduler.OnWorker("job:" + job.Name);
                scheduler.ScheduleWithParams<DueJobCheck>(job).EverySeconds(job.PollSeconds).PreventOverlapping(JobRunner.MutexKey(job.Name));
            }
        }).OnError(ex => log.LogWarning(ex, "A scheduled job check failed; it is retried at the next poll"));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        try { await runner.WhenManualRunsEndAsync(ct); }
        catch (OperationCanceledException) { log.LogWarning("Stopped before every \"Run now\" run had finished"); }
    }
}

/// <summary>Coravel's invocable for one job: on this instance's poll, claim the run if it is due and run it.</summary>
sealed class DueJobCheck(ScheduledJob job, JobRunner runner) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunIfDueAsync(job, CancellationToken);
}
