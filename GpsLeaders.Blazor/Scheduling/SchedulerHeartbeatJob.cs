using Quartz;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// The scheduler's own pulse. Its last run (recorded by <see cref="JobRunRecorder"/>) is what /healthz
/// reads to tell "scheduler running" from "scheduler started but not firing".
/// </summary>
[DisallowConcurrentExecution]
public sealed class SchedulerHeartbeatJob : IJob
{
    public const string Name = "scheduler-heartbeat";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;
}
