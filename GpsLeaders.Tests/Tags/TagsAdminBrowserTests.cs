using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Tags;

/// <summary>Settings → Tags and Settings → Lead score as an admin meets them.</summary>
public class TagsAdminBrowserTests : BrowserTest
{
    const string Input = "input[data-testid={0}], [data-testid={0}] input";

    [Fact]
    public async Task An_admin_adds_reorders_and_deactivates_a_tag_and_system_tags_have_no_delete()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await Assertions.Expect(page.Locator("[data-testid=nav-tags]")).ToBeVisibleAsync();
        await OpenAsync(page, "/admin/tags");
        await page.FillAsync(string.Format(Input, "tags-new-slug"), "fleet-expansion");
        await page.FillAsync(string.Format(Input, "tags-new-name"), "Fleet expansion");
        await page.FillAsync(string.Format(Input, "tags-new-color"), "nope");
        await page.ClickAsync("[data-testid=tags-add]");
        await Assertions.Expect(page.Locator("[data-testid=tags-field-color]")).ToContainTextAsync("hex colour");

        await page.FillAsync(string.Format(Input, "tags-new-color"), "#0EA5E9");
        await page.ClickAsync("[data-testid=tags-add]");
        var row = page.Locator("[data-testid=tag-row][data-slug=fleet-expansion]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-testid=tag-swatch]")).ToHaveAttributeAsync("title", "#0ea5e9");

        // New tags go last in their category (CUSTOM); moving up swaps with the one above.
        var custom = await CustomSlugsAsync();
        Assert.Equal("fleet-expansion", custom[^1]);
        await row.GetByRole(AriaRole.Button, new() { Name = "Move Fleet expansion up" }).ClickAsync();
        var previous = custom[^2];
        await Assertions.Expect(page.Locator("[data-testid=tag-row][data-slug=fleet-expansion] + [data-testid=tag-row]")).ToHaveAttributeAsync("data-slug", previous);
        var expected = custom[..^2].Append("fleet-expansion").Append(previous).ToArray();
        Assert.Equal(expected, await CustomSlugsAsync());

        await row.Locator("[data-testid=tag-toggle]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=tag-active]")).ToHaveTextAsync("no");
        await using (var db = Db()) Assert.False(await db.Tags.Where(t => t.Slug == "fleet-expansion").Select(t => t.IsActive).SingleAsync());

        var system = page.Locator("[data-testid=tag-row][data-slug=dnc]");
        await Assertions.Expect(system.Locator("[data-testid=tag-system]")).ToBeVisibleAsync();
        await Assertions.Expect(system.Locator("[data-testid=tag-delete]")).ToHaveCountAsync(0);

        // A used tag explains why it cannot go; an unused one is deleted.
        await page.Locator("[data-testid=tag-row][data-slug=interested] [data-testid=tag-delete]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=tags-error]")).ToContainTextAsync("Deactivate it instead");
        await row.Locator("[data-testid=tag-delete]").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_changes_lead_score_weights_and_recalculates()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/admin/lead-score");
        await SaveHighRiskDaysAsync(page, "3", page.Locator("[data-testid=score-field-highRiskDays]"), "more than medium-risk days");
        await SaveHighRiskDaysAsync(page, "30", page.Locator("[data-testid=score-message]"), "Weights saved.");
        var (weights, _) = await Service<LeadScoreService>().WeightsAsync();
        Assert.Equal(30, weights.HighRiskDays);

        await page.ClickAsync("[data-testid=score-recalculate]");
        await Assertions.Expect(page.Locator("[data-testid=score-message]")).ToContainTextAsync("Recalculated");
        await using var db = Db();
        Assert.Equal(await db.Leads.CountAsync(), await db.LeadScores.CountAsync());
    }

    /// <summary>
    /// Types a value, saves and waits for <paramref name="expected"/>. Retried because on a busy machine the page's first
    /// interactive load can land after the typing and put the stored weights back.
    /// </summary>
    static async Task SaveHighRiskDaysAsync(IPage page, string value, ILocator outcome, string expected)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync(string.Format(Input, "score-highRiskDays"), value);
            await page.Locator(string.Format(Input, "score-highRiskDays")).PressAsync("Tab");
            await page.ClickAsync("[data-testid=score-save]");
            try
            {
                await Assertions.Expect(outcome).ToContainTextAsync(expected, new() { Timeout = 5000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    async Task<string[]> CustomSlugsAsync()
    {
        await using var db = Db();
        return await db.Tags.Where(t => t.Category == TagCategory.CUSTOM).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => t.Slug).ToArrayAsync();
    }
}
