using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Data.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

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
        Assert.Contains("running", await page.InnerTextAsync("main"));
    }
}
