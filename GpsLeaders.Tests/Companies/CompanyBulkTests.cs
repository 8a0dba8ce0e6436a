using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Companies;

/// <summary>The companies grid's bulk actions as an operator uses them.</summary>
public class CompanyBulkTests : BrowserTest
{
    [Fact]
    public async Task The_grid_shows_its_first_page_and_the_bulk_bar_tags_the_open_leads_of_selected_companies()
    {
        string tagName, tagSlug;
        await using (var db = Db())
        {
            var tag = await db.Tags.Where(t => t.IsActive && t.Category == TagCategory.CUSTOM).OrderBy(t => t.SortOrder).FirstOrDefaultAsync()
                ?? await db.Tags.Where(t => t.IsActive).OrderBy(t => t.SortOrder).FirstAsync();
            (tagName, tagSlug) = (tag.Name, tag.Slug);
        }
        var page = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(page, "/companies");
        // The first page shows without a search or a filter.
        var rows = page.Locator("tr", new() { Has = page.Locator("[data-testid=company-link]") });
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var boxes = rows.Locator("[data-testid=select-row]");
        await boxes.Nth(0).ClickAsync();
        await boxes.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bulk-count]")).ToHaveTextAsync("2 selected");
        var company = (await rows.First.Locator("[data-testid=company-link]").InnerTextAsync()).Trim();

        await page.ClickAsync("[data-testid=bulk-tag]");
        await page.Locator("[data-testid=bulk-tag-option]", new() { HasText = tagName }).First.ClickAsync();
        await page.ClickAsync("[data-testid=bulk-tag-leads]");
        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "tagged" })).ToBeVisibleAsync();

        await using var check = Db();
        var openLeads = await check.Leads.Where(l => l.Company!.Name == company && l.Stage != LeadStage.WON && l.Stage != LeadStage.LOST && l.Stage != LeadStage.BOGUS)
            .Select(l => l.Id).ToListAsync();
        Assert.All(openLeads, id => Assert.True(check.LeadTags.Any(t => t.LeadId == id && t.TagSlug == tagSlug && t.RemovedAt == null)));
    }

    [Fact]
    public async Task The_grid_speaks_the_business_words_opens_a_row_and_says_what_to_do_when_nothing_matches()
    {
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, "/companies");
        var statuses = page.Locator("[data-testid=company-status-cell]");
        await Assertions.Expect(statuses.First).ToBeVisibleAsync();
        foreach (var text in await statuses.AllInnerTextsAsync())
            Assert.Contains(text.Trim(), Enum.GetValues<GpsLeaders.Data.Companies.CompanyStatus>().Select(s => GpsLeaders.Data.Platform.EnumLabels.Describe(s)));
        Assert.DoesNotContain("CUSTOMER", await page.InnerTextAsync("[data-testid=companies-grid]"));

        // A status filter shows as a chip; removing the chip removes the filter.
        await page.ClickAsync("[data-testid=filter-status]");
        await page.Locator("[data-testid=filter-status-option]", new() { HasText = "Customer" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=filter-chip]", new() { HasText = "Customer" })).ToBeVisibleAsync();
        // The grid reloads after the chip appears: wait for the rows, not the chip.
        await Assertions.Expect(statuses.First).ToHaveTextAsync("Customer");
        await Assertions.Expect(statuses.Filter(new() { HasNotText = "Customer" })).ToHaveCountAsync(0);

        await page.FillAsync("[data-testid=company-search]", "zzqx no such fleet");
        await page.PressAsync("[data-testid=company-search]", "Enter");
        await Assertions.Expect(page.Locator("[data-testid=companies-empty]")).ToContainTextAsync("clear them all");
        await page.ClickAsync("[data-testid=companies-empty-clear]");
        await Assertions.Expect(page.Locator("[data-testid=filter-chip]")).ToHaveCountAsync(0);

        // A click anywhere on a row opens the company.
        var firstRow = page.Locator("tr", new() { Has = page.Locator("[data-testid=company-link]") }).First;
        var name = (await firstRow.Locator("[data-testid=company-link]").InnerTextAsync()).Trim();
        await firstRow.Locator("[data-testid=company-status-cell]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=company-title]")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task The_contacts_list_shows_its_first_page_without_a_search()
    {
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, "/contacts");
        await Assertions.Expect(page.Locator("[data-testid=contact-link]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=contact-total]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9][\d,]*$"));
    }
}
