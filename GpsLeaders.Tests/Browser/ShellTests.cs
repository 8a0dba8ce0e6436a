using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Data.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using GpsLeaders.Tests.Infrastructure;

namespace GpsLeaders.Tests.Browser;

public class ShellTests : BrowserTest
{
    async Task<Microsoft.Playwright.IPage> AdminAsync()
    {
        var connectionString = App.Services.GetRequiredService<GpsLeaders.Blazor.Platform.AppDatabase>().ConnectionString;
        var admin = (await DemoData.ExistingSignInsAsync(connectionString)).First(s => s.Role == nameof(UserRole.ADMIN));
        var page = await NewPersonAsync();
        await SignInAsync(page, admin.Email, admin.Password);
        return page;
    }

    [Fact]
    public async Task A_live_event_committed_anywhere_shows_as_a_toast_in_an_open_browser()
    {
        var page = await AdminAsync();
        // Published straight into PostgreSQL, as another app instance would.
        await App.Services.GetRequiredService<NpgsqlDataSource>().PublishAsync(new LiveEvent("test.toast", Summary: "Payment received from Acme Towing"));
        var toast = page.Locator(".rz-notification", new() { HasText = "Payment received from Acme Towing" });
        await toast.WaitForAsync(new() { Timeout = 5000 });
    }

    [Fact]
    public async Task The_jobs_page_lists_the_scheduled_jobs_with_their_next_run()
    {
        var page = await AdminAsync();
        await page.ClickAsync("[data-testid=nav-jobs]");
        var grid = page.Locator("[data-testid=jobs-grid]");
        await grid.Locator("text=" + SchedulerHeartbeatJob.Name).WaitForAsync();
        Assert.Contains("Scheduler running", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task Run_now_on_the_jobs_page_runs_the_job()
    {
        var page = await AdminAsync();
        await page.ClickAsync("[data-testid=nav-jobs]");
        var leases = App.Services.GetRequiredService<JobLeases>();
        var before = await Eventually.GetAsync(async () => await leases.ReadAsync(SchedulerHeartbeatJob.Name) is { RunningOn: null, LastRunAt: not null } s ? s : null,
            TimeSpan.FromSeconds(30), "the heartbeat's run at start");
        await page.ClickAsync($"[data-testid=run-now-{SchedulerHeartbeatJob.Name}]");
        await page.GetByText($"{SchedulerHeartbeatJob.Name} started").WaitForAsync(new() { Timeout = 5000 });
        await Eventually.GetAsync(async () => await leases.ReadAsync(SchedulerHeartbeatJob.Name) is { Runs: var runs } && runs > before.Runs ? "ran" : null,
            what: "the manual run recorded");
    }
}
