using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Tags;

/// <summary>The tags panel on the lead page.</summary>
public class LeadTagsBrowserTests : BrowserTest
{
    [Fact]
    public async Task Apply_remove_and_reapply_a_tag_revives_the_same_row()
    {
        string leadId, repId;
        await using (var db = Db())
        {
            leadId = await db.Leads.OrderBy(l => l.CreatedAt).Select(l => l.Id).FirstAsync();
            repId = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, $"/leads/{leadId}");
        var chip = page.Locator("[data-testid=lead-tag][data-slug=referral-partner]");
        await Assertions.Expect(chip).ToHaveCountAsync(0);

        await ApplyAsync(page, "Referral partner");
        await Assertions.Expect(chip).ToBeVisibleAsync();
        await Assertions.Expect(chip).ToContainTextAsync("Referral partner");
        string rowId;
        await using (var db = Db())
        {
            var row = await db.LeadTags.SingleAsync(t => t.LeadId == leadId && t.TagSlug == "referral-partner");
            rowId = row.Id;
            Assert.Equal(repId, row.AppliedBy);
            Assert.Null(row.RemovedAt);
        }

        await chip.Locator("[data-testid=lead-tag-remove]").ClickAsync();
        await Assertions.Expect(chip).ToHaveCountAsync(0);
        await using (var db = Db())
            Assert.NotNull(await db.LeadTags.Where(t => t.Id == rowId).Select(t => t.RemovedAt).SingleAsync());

        await ApplyAsync(page, "Referral partner");
        await Assertions.Expect(chip).ToBeVisibleAsync();
        await using (var db = Db())
        {
            var rows = await db.LeadTags.Where(t => t.LeadId == leadId && t.TagSlug == "referral-partner").ToListAsync();
            var row = Assert.Single(rows);
            Assert.Equal(rowId, row.Id);
            Assert.Null(row.RemovedAt);
            Assert.Equal(repId, row.AppliedBy);
        }
    }

    static async Task ApplyAsync(IPage page, string tagName)
    {
        await page.ClickAsync("[data-testid=lead-tag-picker]");
        await page.Locator("[data-testid=lead-tag-option]", new() { HasText = tagName }).First.ClickAsync();
        await page.ClickAsync("[data-testid=lead-tag-apply]");
    }
}
