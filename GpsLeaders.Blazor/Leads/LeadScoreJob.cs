using GpsLeaders.Data.Leads;
using Quartz;

namespace GpsLeaders.Blazor.Leads;

/// <summary>Hourly (and "Run now" on Settings → Jobs): recomputes every lead's quality, engagement and deal risk.</summary>
[DisallowConcurrentExecution]
public sealed class LeadScoreJob(LeadScoreService scores, ILogger<LeadScoreJob> log) : IJob
{
    public const string Name = "lead-score";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var run = await scores.RecomputeAsync(ct);
        log.LogInformation("Lead scores: {Leads} leads, {Changed} changed in {Ms} ms", run.Leads, run.Changed, (long)run.Took.TotalMilliseconds);
    }
}
