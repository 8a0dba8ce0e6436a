using Coravel.Invocable;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// The scheduler's own pulse. Its last run in <c>job_runs</c> (by whichever instance claimed it) is what
/// /healthz reads to tell "scheduler running" from "scheduler started but nothing is being claimed".
/// </summary>
public sealed class SchedulerHeartbeatJob : IInvocable
{
    public const string Name = "scheduler-heartbeat";

    public Task Invoke() => Task.CompletedTask;
}
