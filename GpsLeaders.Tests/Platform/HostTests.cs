using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.Users;
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
    public async Task Healthz_tells_anonymous_callers_the_status_only_and_signed_in_admins_the_checks()
    {
        using var anonymous = _app.CreateRealClient();
        using (var doc = JsonDocument.Parse(await HealthyAsync(anonymous)))
        {
            Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
            Assert.False(doc.RootElement.TryGetProperty("checks", out _)); // no scheduler instance names, no database errors
        }

        await _app.Services.GetRequiredService<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        using var admin = _app.CreateRealClient();
        await SignInAsync(admin, "admin@example.com", "Long-enough-1");
        using (var doc = JsonDocument.Parse(await HealthyAsync(admin)))
        {
            Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
        }
    }

    static async Task<string> HealthyAsync(HttpClient client)
    {
        var last = "";
        return await Eventually.GetAsync(async () =>
        {
            var response = await client.GetAsync("/healthz");
            last = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? last : null;
        }, what: "a healthy /healthz").ContinueWith(t => t.IsFaulted ? throw new Exception("Last /healthz: " + last, t.Exception) : t.Result);
    }

    /// <summary>Signs in through the real form (antiforgery token and all), leaving the cookie in the client.</summary>
    static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/signin");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_simulator_phone_is_not_mapped_unless_the_simulator_is_on()
    {
        using var client = _app.CreateRealClient();
        var response = await client.PostAsync("/dev/gateway/message", JsonContent.Create(new { phoneNumbers = new[] { "+15125550000" }, textMessage = new { text = "hi" } }));
        // Not mapped: the request falls through to the pages, which send an anonymous caller to sign in.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
        Assert.Empty(_app.Services.GetRequiredService<GpsLeaders.Blazor.Inbox.InboxSimulator>().Outbox);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"phoneNumbers\":[],\"textMessage\":{\"text\":\"hi\"}}")]
    [InlineData("{\"phoneNumbers\":[\"+15125550000\"],\"textMessage\":\"hi\"}")]
    [InlineData("[1,2]")]
    public async Task The_simulator_phone_answers_400_to_a_body_that_is_not_a_send(string body)
    {
        await using var app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync(), new Dictionary<string, string?> { ["Simulator:Enabled"] = "true" });
        using var client = app.CreateRealClient();
        var response = await client.PostAsync("/dev/gateway/message", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var good = await client.PostAsync("/dev/gateway/message", JsonContent.Create(new { id = "s-1", phoneNumbers = new[] { "+15125550000" }, textMessage = new { text = "hi" } }));
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal("hi", Assert.Single(app.Services.GetRequiredService<GpsLeaders.Blazor.Inbox.InboxSimulator>().Outbox).Text);
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
