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
    public async Task Scheduled_jobs_run_on_the_clustered_store_and_their_runs_are_recorded()
    {
        _ = _app.BaseAddress;
        // Clustered instances check in to qrtz_scheduler_state; the trigger lives in qrtz_triggers.
        var dataSource = _app.Services.GetRequiredService<NpgsqlDataSource>();
        var checkedIn = await Eventually.GetAsync(async () =>
        {
            await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM qrtz_scheduler_state");
            return (long)(await cmd.ExecuteScalarAsync())! > 0 ? "yes" : null;
        }, what: "a clustered scheduler check-in");
        await using (var cmd = dataSource.CreateCommand("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = $1"))
        {
            cmd.Parameters.AddWithValue(SchedulerHeartbeatJob.Name);
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        }
        var runs = _app.Services.GetRequiredService<JobRunRecorder>();
        var run = await Eventually.GetAsync(() => runs.ReadAsync(SchedulerHeartbeatJob.Name), TimeSpan.FromSeconds(30), "the heartbeat job's first run");
        Assert.True(run.LastSucceeded);
    }
}
