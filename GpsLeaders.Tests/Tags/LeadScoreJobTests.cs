using System.Net;
using GpsLeaders.Blazor.Leads;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Tags;

/// <summary>The hourly job is registered in the app's scheduler, runs at start, scores every lead and records its run.</summary>
public class LeadScoreJobTests : IAsyncLifetime
{
    CrmAppFactory _app = default!;

    public async Task InitializeAsync() => _app = new CrmAppFactory(await TestDatabases.CreateWithDemoDataAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_lead_score_job_runs_on_start_and_scores_every_lead()
    {
        _ = _app.BaseAddress;
        var leases = _app.Services.GetRequiredService<JobLeases>();
        var run = await Eventually.GetAsync(async () => await leases.ReadAsync(LeadScoreJob.Name) is { LastRunAt: not null } s ? s : null,
            TimeSpan.FromSeconds(60), "the lead-score job's first run");
        Assert.True(run.LastSucceeded == true, run.LastError);
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();
        Assert.Equal(await db.Leads.CountAsync(), await db.LeadScores.CountAsync());
    }

    [Theory]
    [InlineData("/admin/tags")]
    [InlineData("/admin/lead-score")]
    public async Task Admin_pages_redirect_anonymous_visitors_to_sign_in(string path)
    {
        using var client = _app.CreateRealClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }
}
