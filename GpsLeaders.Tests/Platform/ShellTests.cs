using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Data.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using GpsLeaders.Tests.Infrastructure;

namespace GpsLeaders.Tests.Platform;

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
        var toast = page.Locator("[data-testid=toast]", new() { HasText = "Payment received from Acme Towing" });
        await toast.WaitForAsync(new() { Timeout = 5000 });
    }

    [Fact]
    public async Task The_jobs_page_lists_the_scheduled_jobs_with_their_next_run()
    {
        var page = await AdminAsync();
        await page.ClickAsync("[data-testid=nav-jobs]");
        var grid = page.Locator("[data-testid=jobs-grid]");
        await grid.Locator("text=" + SchedulerHeartbeatJob.Name).WaitForAsync();
        // Right after start Coravel may not have polled yet: Refresh until it has (the page reads it once per load).
        var state = page.Locator("[data-testid=scheduler-state]");
        await Eventually.GetAsync(async () =>
        {
            await page.ClickAsync("[data-testid=jobs-refresh]");
            return (await state.InnerTextAsync()).Contains("Scheduler running") ? "running" : null;
        }, TimeSpan.FromSeconds(30), "the scheduler's first poll shown");
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

    [Fact]
    public async Task Dark_mode_is_remembered_for_the_user_and_applies_from_the_first_paint_in_another_browser()
    {
        var page = await AdminAsync();
        static Task<string> Background(Microsoft.Playwright.IPage p) => p.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(244, 246, 249)", await Background(page));
        await page.ClickAsync("[data-testid=theme-toggle]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(17, 24, 39)");

        string adminId;
        await using (var db = App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<GpsLeaders.Data.CrmDbContext>>().CreateDbContext())
        {
            adminId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Users.Where(u => u.Email == "admin@gpsleaders.test").Select(u => u.Id));
            var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Settings.Where(x => x.Key == GpsLeaders.Data.Settings.ThemePreference.Key(adminId)).Select(x => x.Value));
            Assert.Contains("dark", stored);
        }

        // The same user elsewhere: the server-rendered page is already dark, before any script has run.
        var elsewhere = await AdminAsync();
        var html = await (await elsewhere.APIRequest.GetAsync("/")).TextAsync();
        Assert.Contains("--mud-palette-background: rgba(17,24,39,1)", html);
        Assert.Equal("rgb(17, 24, 39)", await Background(elsewhere));
    }

    [Fact]
    public async Task Money_reads_in_US_dollars_whatever_the_server_locale()
    {
        var page = await AdminAsync();
        await OpenAsync(page, "/pipeline");
        var revenue = page.Locator("[data-testid=column-revenue]").First;
        await Microsoft.Playwright.Assertions.Expect(revenue).ToContainTextAsync("$");
        Assert.DoesNotContain("¤", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task On_a_tablet_in_portrait_the_menu_opens_from_the_top_bar()
    {
        var page = await AdminAsync();
        await page.SetViewportSizeAsync(800, 1100);
        await OpenAsync(page, "/");
        var companies = page.Locator("[data-testid=nav-companies]");
        await Microsoft.Playwright.Assertions.Expect(companies).Not.ToBeInViewportAsync();
        await page.ClickAsync("[data-testid=drawer-toggle]");
        await Microsoft.Playwright.Assertions.Expect(companies).ToBeInViewportAsync();
        await companies.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/companies$"));
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=company-link]").First).ToBeVisibleAsync();
    }
}
