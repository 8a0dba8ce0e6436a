using GpsLeaders.Data.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Dialer;

/// <summary>The dashboard's team leaderboard counts a call the moment it is logged, in an open browser.</summary>
public class LeaderboardBrowserTests : BrowserTest
{
    [Fact]
    public async Task The_leaderboard_updates_live_when_a_call_is_logged()
    {
        string rep1, leadId;
        await using (var db = Db())
        {
            rep1 = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
            leadId = await db.Leads.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        }
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/");
        await Assertions.Expect(page.Locator("[data-testid=team-leaderboard]")).ToBeVisibleAsync();
        var row = page.Locator($"[data-testid=leaderboard-row][data-user-id='{rep1}']");
        var before = await row.CountAsync() == 0 ? 0 : int.Parse(await row.Locator("[data-testid=leaderboard-calls]").InnerTextAsync());

        await Service<CallLogging>().LogAsync(leadId, new CallInput(MessageDirection.OUTBOUND, CallOutcome.CONNECTED, 95, "Wants a quote"), rep1);

        await Assertions.Expect(row.Locator("[data-testid=leaderboard-calls]")).ToHaveTextAsync((before + 1).ToString());
        await Assertions.Expect(row.Locator("[data-testid=leaderboard-name]")).ToHaveTextAsync("Marcus Reed");
        await page.ClickAsync("[data-testid=leaderboard-week]");
        await Assertions.Expect(page.Locator("[data-testid=leaderboard-week]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[data-testid=leaderboard-week]")).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await Assertions.Expect(page.Locator("[data-testid=leaderboard-today]")).ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await Assertions.Expect(row).ToBeVisibleAsync();
        Assert.True(int.Parse(await row.Locator("[data-testid=leaderboard-calls]").InnerTextAsync()) >= before + 1);
    }
}
