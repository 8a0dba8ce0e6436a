using GpsLeaders.Data.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Search;

/// <summary>The top bar's search as a fast typist uses it.</summary>
public sealed class GlobalSearchBrowserTests : BrowserTest
{
    [Fact]
    public async Task Typing_fast_keeps_every_character_and_the_results_match_the_whole_text()
    {
        var admin = await Db().Users.SingleAsync(u => u.Email == "admin@gpsleaders.test");
        await Service<CompanyService>().CreateAsync(new CompanyInput("Zephyrine Quarrytrucks Logistics"), admin.Id);
        await Service<CompanyService>().CreateAsync(new CompanyInput("Zephyrine Bakery"), admin.Id);
        var page = await SignedInAsync("admin@gpsleaders.test");

        const string typed = "zephyrine quarrytrucks";
        var input = page.Locator("input[data-testid=global-search-input]");
        await input.ClickAsync();
        // No delay between keys: each keystroke reaches the circuit while earlier searches are still running.
        await input.PressSequentiallyAsync(typed, new() { Delay = 0 });

        await Assertions.Expect(input).ToHaveValueAsync(typed);
        var hits = page.Locator("[data-testid=global-search-hit]");
        await Assertions.Expect(hits.Filter(new() { HasText = "Zephyrine Quarrytrucks Logistics" })).ToHaveCountAsync(1);
        // The results are for the whole text, not a prefix typed before the last keys arrived.
        await Assertions.Expect(hits.Filter(new() { HasText = "Zephyrine Bakery" })).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(typed);
    }
}
