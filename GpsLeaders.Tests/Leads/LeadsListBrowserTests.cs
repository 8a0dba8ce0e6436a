using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Leads;

/// <summary>The leads list (/leads) as a manager and as a rep use it, on the demo data.</summary>
public class LeadsListBrowserTests : BrowserTest
{
    static ILocator Rows(IPage page) => page.Locator("tr", new() { Has = page.Locator("[data-testid=lead-link]") });

    static async Task<string> LeadIdAsync(ILocator row) =>
        (await row.Locator("[data-testid=lead-link]").GetAttributeAsync("href"))!.Split('/').Last();

    static ILocator Row(IPage page, string leadId) =>
        page.Locator("tr", new() { Has = page.Locator($"[data-testid=lead-link][href='/leads/{leadId}']") });

    [Fact]
    public async Task An_admin_filters_saves_a_view_reopens_it_bulk_assigns_and_tags_two_leads_and_changes_a_leads_owner()
    {
        string tagName, tagSlug, priyaId, diegoId;
        await using (var db = Db())
        {
            var tag = await db.Tags.Where(t => t.IsActive && t.Category == TagCategory.CUSTOM).OrderBy(t => t.SortOrder).FirstAsync();
            (tagName, tagSlug) = (tag.Name, tag.Slug);
            priyaId = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => u.Id).SingleAsync();
            diegoId = await db.Users.Where(u => u.Email == "rep3@gpsleaders.test").Select(u => u.Id).SingleAsync();
        }
        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/");
        await page.ClickAsync("[data-testid=nav-leads]");
        await Assertions.Expect(Rows(page).First).ToBeVisibleAsync();

        // Filter by stage: a chip, and only that stage in the grid.
        var stages = page.Locator("[data-testid=lead-stage-cell]");
        await page.ClickAsync("[data-testid=filter-stage]");
        await page.Locator("[data-testid=filter-stage-option]", new() { HasText = "Qualified" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=filter-chip]", new() { HasText = "Qualified" })).ToBeVisibleAsync();
        await Assertions.Expect(stages.First).ToHaveTextAsync("Qualified");
        await Assertions.Expect(stages.Filter(new() { HasNotText = "Qualified" })).ToHaveCountAsync(0);

        // Save it as a view, clear the filters, reopen the view.
        await page.FillAsync("input[data-testid=view-name]", "Qualified to call");
        await page.ClickAsync("[data-testid=view-save]");
        await Assertions.Expect(page.Locator("[data-testid=view-delete]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=filter-clear]");
        await Assertions.Expect(page.Locator("[data-testid=filter-chip]")).ToHaveCountAsync(0);
        await Assertions.Expect(stages.Filter(new() { HasNotText = "Qualified" }).First).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=view-picker]");
        await page.Locator("[data-testid=view-option]", new() { HasText = "Qualified to call" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=filter-chip]", new() { HasText = "Qualified" })).ToBeVisibleAsync();
        await Assertions.Expect(stages.Filter(new() { HasNotText = "Qualified" })).ToHaveCountAsync(0);

        // Select two leads: assign them to Priya, then tag them.
        var first = await LeadIdAsync(Rows(page).Nth(0));
        var second = await LeadIdAsync(Rows(page).Nth(1));
        async Task SelectBothAsync()
        {
            await Row(page, first).Locator("[data-testid=select-row]").ClickAsync();
            await Row(page, second).Locator("[data-testid=select-row]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bulk-count]")).ToHaveTextAsync("2 selected");
        }
        await SelectBothAsync();
        await page.ClickAsync("[data-testid=bulk-rep]");
        await page.Locator("[data-testid=bulk-rep-option]", new() { HasText = "Priya Nair" }).ClickAsync();
        await page.ClickAsync("[data-testid=bulk-assign]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "assigned to Priya Nair" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, first).Locator("[data-testid=lead-rep-cell]")).ToHaveTextAsync("Priya Nair");
        await Assertions.Expect(Row(page, second).Locator("[data-testid=lead-rep-cell]")).ToHaveTextAsync("Priya Nair");

        await SelectBothAsync();
        await page.ClickAsync("[data-testid=bulk-tag]");
        await page.Locator("[data-testid=bulk-tag-option]", new() { HasText = tagName }).First.ClickAsync();
        await page.ClickAsync("[data-testid=bulk-add-tag]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "tagged" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, first).Locator("[data-testid=lead-tags-cell]")).ToContainTextAsync(tagName);
        await Assertions.Expect(Row(page, second).Locator("[data-testid=lead-tags-cell]")).ToContainTextAsync(tagName);

        await using (var db = Db())
        {
            var owners = await db.Leads.Where(l => l.Id == first || l.Id == second).Select(l => l.Company!.AssignedRepId).ToListAsync();
            Assert.Equal([priyaId, priyaId], owners);
            Assert.Equal(2, await db.LeadTags.CountAsync(t => (t.LeadId == first || t.LeadId == second) && t.TagSlug == tagSlug && t.RemovedAt == null));
            Assert.Equal(2, await db.Activities.CountAsync(a => (a.LeadId == first || a.LeadId == second) && a.ActivityType == "lead.tag_applied"));
            var views = await db.Settings.Where(s => s.Key.StartsWith("views.leads.")).Select(s => s.Value).ToListAsync();
            Assert.Contains(views, v => v.Contains("Qualified to call"));
        }

        // A click on the row opens the lead; its owner shows there and can be changed.
        await Row(page, first).Locator("[data-testid=lead-stage-cell]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=lead-owner]")).ToHaveTextAsync("Priya Nair");
        Assert.EndsWith($"/leads/{first}", page.Url);
        await page.ClickAsync("[data-testid=lead-owner-select]");
        await page.Locator("[data-testid=lead-owner-option]", new() { HasText = "Diego Alvarez" }).ClickAsync();
        await page.ClickAsync("[data-testid=lead-owner-save]");
        await Assertions.Expect(page.Locator("[data-testid=lead-owner]")).ToHaveTextAsync("Diego Alvarez");
        await using (var db = Db())
        {
            Assert.Equal(diegoId, await db.Leads.Where(l => l.Id == first).Select(l => l.Company!.AssignedRepId).SingleAsync());
            Assert.True(await db.Activities.AnyAsync(a => a.LeadId == first && a.ActivityType == "company.rep_assigned" && a.Summary.Contains("Diego Alvarez")));
        }
    }

    [Fact]
    public async Task Moving_selected_leads_to_lost_asks_one_reason_in_the_lost_dialog_and_refuses_an_empty_one_on_its_field()
    {
        var page = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(page, "/leads");
        await page.ClickAsync("[data-testid=filter-stage]");
        await page.Locator("[data-testid=filter-stage-option]", new() { HasText = "Hot" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-cell]").First).ToHaveTextAsync("Hot");
        var first = await LeadIdAsync(Rows(page).Nth(0));
        var second = await LeadIdAsync(Rows(page).Nth(1));
        await Row(page, first).Locator("[data-testid=select-row]").ClickAsync();
        await Row(page, second).Locator("[data-testid=select-row]").ClickAsync();

        await page.ClickAsync("[data-testid=bulk-stage]");
        await page.Locator("[data-testid=bulk-stage-option]", new() { HasText = "Lost" }).ClickAsync();
        await page.ClickAsync("[data-testid=bulk-move]");
        var dialog = page.Locator("[data-testid=lost-reason-dialog]");
        await Assertions.Expect(dialog).ToContainTextAsync("2 selected leads move to Lost");
        await page.ClickAsync("[data-testid=lost-confirm]");
        await Assertions.Expect(page.Locator("textarea[data-testid=lost-reason]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("lost reason is required"));
        await page.FillAsync("textarea[data-testid=lost-reason]", "Bought a competitor's trackers");
        await page.ClickAsync("[data-testid=lost-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "2 leads moved to Lost" })).ToBeVisibleAsync();
        // The grid still shows only Hot leads: the two moved out of it.
        await Assertions.Expect(Row(page, first)).ToHaveCountAsync(0);

        await using var db = Db();
        var moved = await db.Leads.Where(l => l.Id == first || l.Id == second).ToListAsync();
        Assert.All(moved, l => Assert.Equal((LeadStage.LOST, "Bought a competitor's trackers", true), (l.Stage, l.LostReason, l.LostAt is not null)));
        Assert.Equal(2, await db.Activities.CountAsync(a => (a.LeadId == first || a.LeadId == second) && a.ActivityType == "lead.stage_changed"
            && a.Summary == "Stage changed from Hot to Lost."));
    }

    [Fact]
    public async Task A_rep_opens_on_their_own_leads_and_clearing_the_rep_filter_shows_the_whole_teams()
    {
        int own, all;
        await using (var db = Db())
        {
            var marcus = await db.Users.Where(u => u.Email == "rep1@gpsleaders.test").Select(u => u.Id).SingleAsync();
            own = await db.Leads.CountAsync(l => l.Company != null && l.Company.AssignedRepId == marcus);
            all = await db.Leads.CountAsync();
            Assert.True(own > 0 && own < all);
        }
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, "/leads");
        await Assertions.Expect(page.Locator("[data-testid=lead-total]")).ToHaveTextAsync(own.ToString("N0"));
        var reps = page.Locator("[data-testid=lead-rep-cell]");
        await Assertions.Expect(reps.First).ToHaveTextAsync("Marcus Reed");
        await Assertions.Expect(reps.Filter(new() { HasNotText = "Marcus Reed" })).ToHaveCountAsync(0);

        // Reps see everything CRM (product.md): the list only starts on their own book.
        var chip = page.Locator("[data-testid=filter-chip]", new() { HasText = "Rep: Marcus Reed" });
        await chip.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=lead-total]")).ToHaveTextAsync(all.ToString("N0"));
    }
}
