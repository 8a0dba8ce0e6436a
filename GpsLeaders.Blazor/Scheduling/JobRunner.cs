using System.Collections.Concurrent;
using System.Diagnostics;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// Runs the jobs of this instance: a scheduled run only once <see cref="JobLeases"/> has granted it, with the lease
/// renewed while the job works and its outcome recorded in <c>job_runs</c> afterwards.
/// </summary>
public sealed class JobRunner(
    JobLeases leases, IMutex mutex, IServiceScopeFactory scopes, IConfiguration config,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<JobRunner> log)
{
    readonly ConcurrentDictionary<Task, bool> _manualRuns = new();
    long _lastPollTicks;

    /// <summary>This instance's name in <c>job_runs.holder</c>.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>When Coravel last asked this instance to check a job (null before its first tick).</summary>
    public DateTimeOffset? LastPollAt => Interlocked.Read(ref _lastPollTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Coravel's PreventOverlapping key for a job; "Run now" takes the same in-process lock.</summary>
    public static string MutexKey(string job) => "crm-job:" + job;

    /// <summary>
    /// How long a claim holds without renewal: <c>Scheduler:LeaseSeconds</c> (default 60), never longer than the
    /// job's interval, so a crashed holder's claim has lapsed by the time the next interval is due.
    /// </summary>
    TimeSpan LeaseFor(ScheduledJob job) =>
        TimeSpan.FromSeconds(Math.Min(config.GetValue("Scheduler:LeaseSeconds", 60), job.Every.TotalSeconds));

    /// <summary>Coravel's poll (under PreventOverlapping): claim the run if it is due and nobody holds it, then run it here.</summary>
    public async Task RunIfDueAsync(ScheduledJob job, CancellationToken ct)
    {
        Interlocked.Exchange(ref _lastPollTicks, clock.GetUtcNow().UtcTicks);
        if (await leases.TryClaimDueAsync(job.Name, job.Every, Instance, LeaseFor(job), ct) is { } claim)
            await RunClaimedAsync(job, claim, ct);
    }

    /// <summary>
    /// "Run now": outside the schedule (the next scheduled run keeps its time), refused while the job runs on this
    /// instance (Coravel's lock) or holds a live lease anywhere. The run goes on in the background; <see cref="RunNow.Completion"/> ends with it.
    /// </summary>
    public async Task<RunNow> RunNowAsync(ScheduledJob job)
    {
        var key = MutexKey(job.Name);
        if (!mutex.TryGetLock(key, timeoutMinutes: 24 * 60)) return new RunNow(RunNowOutcome.AlreadyRunning, Instance, null);
        JobClaim? claim;
        try
        {
            claim = await leases.TryClaimNowAsync(job.Name, job.Every, Instance, LeaseFor(job));
        }
        catch
        {
            mutex.Release(key);
            throw;
        }
        if (claim is null)
        {
            mutex.Release(key);
            return new RunNow(RunNowOutcome.AlreadyRunning, (await leases.ReadAsync(job.Name))?.RunningOn, null);
        }
        var run = Task.Run(async () =>
        {
            try { await RunClaimedAsync(job, claim, lifetime.ApplicationStopping); }
            finally { mutex.Release(key); }
        });
        _manualRuns[run] = true;
        _ = run.ContinueWith(t => _manualRuns.TryRemove(t, out _), TaskScheduler.Default);
        return new RunNow(RunNowOutcome.Started, Instance, run);
    }

    /// <summary>Lets "Run now" runs finish when the host stops (Coravel waits for its own).</summary>
    public Task WhenManualRunsEndAsync(CancellationToken ct) => Task.WhenAll(_manualRuns.Keys).WaitAsync(ct);

    async Task RunClaimedAsync(ScheduledJob job, JobClaim claim, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileRunningAsync(claim, LeaseFor(job), running.Token);
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentJobRun>().Claim = claim;
            var invocable = (IInvocable)scope.ServiceProvider.GetRequiredService(job.JobType);
            if (invocable is ICancellableInvocable cancellable) cancellable.CancellationToken = ct;
            await invocable.Invoke();
        }
        catch (Exception ex)
        {
            error = ex.GetBaseException().Message;
            log.LogError(ex, "Job {Job} failed", job.Name);
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
            await leases.FinishAsync(claim, Stopwatch.GetElapsedTime(started), error);
        }
    }

    async Task RenewWhileRunningAsync(JobClaim claim, TimeSpan lease, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    if (!await leases.RenewAsync(claim, lease, ct))
                        log.LogWarning("Job {Job} run {Run} lost its lease (another instance may have taken the interval over)", claim.Job, claim.Run);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Job {Job} could not renew its lease", claim.Job);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}

public enum RunNowOutcome { Started, AlreadyRunning }

/// <summary>What "Run now" did: <see cref="Instance"/> is where the run started, or where it is already running (when known).</summary>
public sealed record RunNow(RunNowOutcome Outcome, string? Instance, Task? Completion);
