using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Companies;

/// <summary>Companies, contacts, leads and the pipeline as a rep meets them.</summary>
public class CrmCoreTests : BrowserTest
{
    static async Task PickAsync(IPage page, string dropdownTestId, string option)
    {
        await page.ClickAsync($"[data-testid={dropdownTestId}]");
        await page.Locator($"[data-testid={dropdownTestId}-option]", new() { HasText = option }).First.ClickAsync();
    }

    [Fact]
    public async Task A_rep_creates_a_company_contact_and_lead_and_moves_it_to_lost_and_back_with_each_step_on_the_timeline()
    {
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-companies]");
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=company-new]");
        await page.ClickAsync("[data-testid=company-save]");
        // The service's message shows on the field it names.
        await Assertions.Expect(page.Locator("[data-testid=company-form]")).ToContainTextAsync("Company name is required");
        await page.FillAsync("[data-testid=company-name]", "Lone Star Towing LLC");
        await page.FillAsync("[data-testid=company-fleet] input, input[data-testid=company-fleet]", "14");
        await page.ClickAsync("[data-testid=company-save]");
        await Assertions.Expect(page.Locator("[data-testid=company-form]")).ToHaveCountAsync(0);

        await page.FillAsync("[data-testid=company-search]", "Lone Star Towing");
        await page.PressAsync("[data-testid=company-search]", "Enter");
        await page.Locator("[data-testid=company-link]", new() { HasText = "Lone Star Towing LLC" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=company-title]")).ToContainTextAsync("Lone Star Towing LLC");
        await WaitForCircuitAsync(page);

        await page.ClickAsync("[data-testid=contact-add-open]");
        await page.FillAsync("[data-testid=contact-first]", "Dale");
        await page.FillAsync("[data-testid=contact-last]", "Rourke");
        await page.FillAsync("[data-testid=contact-email]", " Dale.Rourke@LoneStarTowing.example ");
        await page.FillAsync("[data-testid=contact-phone]", "(512) 555-2368");
        await page.ClickAsync("[data-testid=contact-save]");
        var contactRow = page.Locator("[data-testid=contact-row]", new() { HasText = "Dale Rourke" });
        await Assertions.Expect(contactRow).ToBeVisibleAsync();
        await Assertions.Expect(contactRow.Locator("[data-testid=contact-local-time]")).ToContainTextAsync("their time");

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^Leads") }).ClickAsync();
        await page.ClickAsync("[data-testid=company-leads-new]");
        await WaitForCircuitAsync(page);
        await PickAsync(page, "lead-contact", "Dale Rourke");
        await page.FillAsync("[data-testid=lead-new-revenue] input, input[data-testid=lead-new-revenue]", "4200");
        await page.ClickAsync("[data-testid=lead-create]");
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-badge]")).ToHaveTextAsync("New lead");
        await WaitForCircuitAsync(page);

        // Lost asks for its reason in a dialog; confirming without one shows the service's message on the reason field.
        await PickAsync(page, "lead-stage-select", "Lost");
        await page.ClickAsync("[data-testid=lead-stage-save]");
        var dialog = page.Locator("[data-testid=lost-reason-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=lost-confirm]");
        await Assertions.Expect(dialog).ToContainTextAsync("lost reason is required");
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-badge]")).ToHaveTextAsync("New lead");
        await page.FillAsync("[data-testid=lost-reason]", "Went with a cheaper tracker");
        await page.ClickAsync("[data-testid=lost-confirm]");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-badge]")).ToHaveTextAsync("Lost");
        await Assertions.Expect(page.Locator("[data-testid=lead-lost-at]")).ToContainTextAsync("cheaper tracker");

        await PickAsync(page, "lead-stage-select", "Hot");
        await page.ClickAsync("[data-testid=lead-stage-save]");
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-badge]")).ToHaveTextAsync("Hot");
        var stageEntries = page.Locator("[data-testid=timeline-entry][data-type='lead.stage_changed']");
        await Assertions.Expect(stageEntries).ToHaveCountAsync(2);
        await Assertions.Expect(stageEntries.First).ToContainTextAsync("from Lost to Hot");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-type='lead.created']")).ToHaveCountAsync(1);

        await using var db = Db();
        var lead = await db.Leads.Include(l => l.Contact).Include(l => l.Company).SingleAsync(l => l.Company!.Name == "Lone Star Towing LLC");
        Assert.Equal(LeadStage.HOT, lead.Stage);
        Assert.Null(lead.LostAt);
        Assert.Null(lead.LostReason);
        Assert.Equal(4200m, lead.EstimatedRevenue);
        Assert.Equal("dale.rourke@lonestartowing.example", lead.Contact.EmailNormalized);
        Assert.Equal("+15125552368", lead.Contact.PhoneE164);
        Assert.Equal("America/Chicago", lead.Contact.Timezone);
        Assert.Equal("lone star towing", lead.Company!.NormalizedName);
    }

    [Fact]
    public async Task Two_people_edit_the_same_company_and_the_second_save_is_told_of_the_conflict()
    {
        string companyId;
        await using (var db = Db()) companyId = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).Skip(3).FirstAsync();
        var first = await SignedInAsync("rep1@gpsleaders.test");
        var second = await SignedInAsync("operator@gpsleaders.test");
        foreach (var page in new[] { first, second })
        {
            await OpenAsync(page, $"/companies/{companyId}");
            await page.ClickAsync("[data-testid=company-edit]");
        }
        await first.FillAsync("[data-testid=company-owner]", "Maria Alvarez");
        await first.ClickAsync("[data-testid=company-save]");
        await Assertions.Expect(first.Locator("[data-testid=company-form]")).ToHaveCountAsync(0);

        await second.FillAsync("[data-testid=company-owner]", "Someone Else");
        await second.ClickAsync("[data-testid=company-save]");
        await Assertions.Expect(second.Locator("[data-testid=company-conflict]")).ToContainTextAsync("Someone else changed this company");
        await using (var db = Db()) Assert.Equal("Maria Alvarez", await db.Companies.Where(c => c.Id == companyId).Select(c => c.OwnerName).SingleAsync());

        await second.ClickAsync("[data-testid=company-reload]");
        await Assertions.Expect(second.Locator("[data-testid=company-owner]")).ToHaveValueAsync("Maria Alvarez");
        await second.FillAsync("[data-testid=company-owner]", "Someone Else");
        await second.ClickAsync("[data-testid=company-save]");
        await Assertions.Expect(second.Locator("[data-testid=company-form]")).ToHaveCountAsync(0);
        await using (var db = Db()) Assert.Equal("Someone Else", await db.Companies.Where(c => c.Id == companyId).Select(c => c.OwnerName).SingleAsync());
    }

    [Fact]
    public async Task A_contact_is_found_by_phone_in_any_format_from_the_top_bar_and_opened_with_the_keyboard()
    {
        string name, e164;
        await using (var db = Db())
        {
            var contact = await db.Contacts.Where(c => c.PhoneE164 != null && c.FullName != null).OrderBy(c => c.Id).Select(c => new { c.FullName, c.PhoneE164 }).FirstAsync();
            (name, e164) = (contact.FullName!, contact.PhoneE164!);
        }
        var page = await SignedInAsync("rep2@gpsleaders.test");
        var typed = $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";
        await page.FillAsync("input[data-testid=global-search-input]", typed);
        var hit = page.Locator("[data-testid=global-search-hit][data-kind=Contact]", new() { HasText = name });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        // The first hit starts highlighted; arrow down to the contact, waiting for each highlight to render before the next key.
        var hits = page.Locator("[data-testid=global-search-hit]");
        var kinds = new List<string?>();
        var texts = await hits.AllInnerTextsAsync();
        for (var i = 0; i < texts.Count; i++) kinds.Add(await hits.Nth(i).GetAttributeAsync("data-kind"));
        var index = texts.ToList().FindIndex(t => t.Contains(name));
        index = Enumerable.Range(0, texts.Count).FirstOrDefault(i => texts[i].Contains(name) && kinds[i] == "Contact", index);
        await Assertions.Expect(hits.Nth(0)).ToHaveAttributeAsync("data-active", "true");
        for (var i = 1; i <= index; i++)
        {
            await page.PressAsync("input[data-testid=global-search-input]", "ArrowDown");
            await Assertions.Expect(hits.Nth(i)).ToHaveAttributeAsync("data-active", "true");
        }
        await page.PressAsync("input[data-testid=global-search-input]", "Enter");
        await Assertions.Expect(page.Locator("[data-testid=contact-title]")).ToHaveTextAsync(name);
    }
}
