using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Taxonomy;

/// <summary>The admin's editable lists (industries, sources…).</summary>
public class TaxonomyBrowserTests : BrowserTest
{
    [Fact]
    public async Task An_admin_adds_reorders_and_deactivates_a_list_value()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-taxonomy]");
        await WaitForCircuitAsync(page);
        await page.FillAsync("input[data-testid=taxonomy-new], [data-testid=taxonomy-new] input", "Snow removal");
        await page.ClickAsync("[data-testid=taxonomy-add]");
        var row = page.Locator("[data-testid=taxonomy-row]", new() { HasText = "Snow removal" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await page.FillAsync("input[data-testid=taxonomy-new], [data-testid=taxonomy-new] input", "snow REMOVAL");
        await page.ClickAsync("[data-testid=taxonomy-add]");
        await Assertions.Expect(page.Locator("[data-testid=taxonomy-error]")).ToContainTextAsync("already");

        var rows = page.Locator("[data-testid=taxonomy-row]");
        var count = await rows.CountAsync();
        await Assertions.Expect(rows.Nth(count - 1)).ToContainTextAsync("Snow removal");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move Snow removal up" }).ClickAsync();
        await Assertions.Expect(rows.Nth(count - 2)).ToContainTextAsync("Snow removal");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=taxonomy-active]")).ToHaveTextAsync("no");
        await using var db = Db();
        var value = await db.TaxonomyValues.SingleAsync(v => v.Value == "Snow removal");
        Assert.False(value.Active);
        var last = await db.TaxonomyValues.Where(v => v.Type == value.Type).MaxAsync(v => v.SortOrder);
        Assert.True(value.SortOrder < last);
    }
}
