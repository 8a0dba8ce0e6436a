using System.Net;
using System.Text.Json;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GpsLeaders.Tests.Platform;

public class HostTests : IAsyncLifetime
{
    CrmAppFactory _app = default!;

    public async Task InitializeAsync() => _app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Healthz_reports_database_and_scheduler_healthy_without_signing_in()
    {
        using var client = _app.CreateRealClient();
        var last = "";
        var json = await Eventually.GetAsync(async () =>
        {
            var response = await client.GetAsync("/healthz");
            last = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? last : null;
        }, what: "a healthy /healthz").ContinueWith(t => t.IsFaulted ? throw new Exception("Last /healthz: " + last, t.Exception) : t.Result);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/admin/jobs")]
    public async Task Pages_redirect_anonymous_visitors_to_sign_in(string path)
    {
        using var client = _app.CreateRealClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_page_and_the_blazor_script_are_served()
    {
        using var client = _app.CreateRealClient();
        var page = await client.GetStringAsync("/account/signin");
        Assert.Contains("Sign in", page);
        var script = await client.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Blazor", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scheduled_jobs_claim_their_runs_in_the_database_and_record_them()
    {
        _ = _app.BaseAddress;
        // The heartbeat's lease row: claimed by this instance (the only one), run and recorded.
        var leases = _app.Services.GetRequiredService<JobLeases>();
        var beat = await Eventually.GetAsync(async () => await leases.ReadAsync(SchedulerHeartbeatJob.Name) is { LastRunAt: not null } s ? s : null,
            TimeSpan.FromSeconds(30), "the heartbeat job's first run");
        Assert.True(beat.LastSucceeded);
        Assert.Equal(_app.Services.GetRequiredService<JobRunner>().Instance, beat.LastHolder);
        Assert.True(beat.NextRunAt > beat.LastRunAt);
        // 0007 dropped the old job store (0002's qrtz_ tables).
        await using var cmd = _app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz%'");
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }
}
