using Coravel.Invocable;
using GpsLeaders.Data.Leads;

namespace GpsLeaders.Blazor.Leads;

/// <summary>Hourly (and "Run now" on Settings → Jobs): recomputes every lead's quality, engagement and deal risk.</summary>
public sealed class LeadScoreJob(LeadScoreService scores, ILogger<LeadScoreJob> log) : IInvocable, ICancellableInvocable
{
    public const string Name = "lead-score";

    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var run = await scores.RecomputeAsync(CancellationToken);
        log.LogInformation("Lead scores: {Leads} leads, {Changed} changed in {Ms} ms", run.Leads, run.Changed, (long)run.Took.TotalMilliseconds);
    }
}
