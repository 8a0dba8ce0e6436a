using GpsLeaders.Data.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Inbox.Templates;

/// <summary>Settings → Templates as an admin meets it: create an SMS template with the variable picker, preview it against a lead.</summary>
public class TemplatesBrowserTests : BrowserTest
{
    const string Input = "input[data-testid={0}], [data-testid={0}] input";

    [Fact]
    public async Task An_admin_creates_an_sms_template_and_the_preview_fills_it_and_flags_a_missing_value()
    {
        // A lead with a named contact at a company, and no invoice (so {{invoice.number}} has no value).
        string leadId, companyName, firstName;
        await using (var db = Db())
        {
            var lead = await db.Leads.Where(l => l.Company != null && l.Contact.FirstName != null && !l.Invoices.Any())
                .OrderBy(l => l.Id).Select(l => new { l.Id, l.Company!.Name, l.Contact.FirstName }).FirstAsync();
            (leadId, companyName, firstName) = (lead.Id, lead.Name, lead.FirstName!);
        }

        var page = await SignedInAsync("admin@gpsleaders.test");
        await Assertions.Expect(page.Locator("[data-testid=nav-templates]")).ToBeVisibleAsync();
        await OpenAsync(page, "/admin/templates");
        await Assertions.Expect(page.Locator("[data-testid=template-row][data-slug=canned-pricing]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=templates-new]");
        await page.WaitForSelectorAsync("[data-testid=template-body]");

        await page.FillAsync(string.Format(Input, "template-name-input"), "Invoice nudge");
        await page.FillAsync(string.Format(Input, "template-slug"), "invoice-nudge-sms");
        await page.FillAsync("[data-testid=template-body]", "Hi {{contact.firstName}}, invoice ");
        await page.ClickAsync("[data-testid=template-variable]");
        await page.Locator("[data-testid=template-variable-option]", new() { HasText = "invoice.number" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=template-insert-variable]");
        await Assertions.Expect(page.Locator("[data-testid=template-body]")).ToHaveValueAsync("Hi {{contact.firstName}}, invoice {{invoice.number}}");
        await page.ClickAsync("[data-testid=template-save]");
        // Created: the editor moves (client-side) to the template's own address, slug now fixed.
        await Assertions.Expect(page.Locator("[data-testid=template-editor-title]")).ToHaveTextAsync("Invoice nudge");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/templates/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator(string.Format(Input, "template-slug"))).ToBeDisabledAsync();

        await using (var db = Db())
        {
            var saved = await db.MessageTemplates.SingleAsync(t => t.Slug == "invoice-nudge-sms");
            Assert.Equal((TemplateChannel.SMS, TemplateCategory.CANNED, (string?)null), (saved.Channel, saved.Category, saved.Subject));
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "template.created"));
        }

        await page.FillAsync(string.Format(Input, "preview-lead-search"), companyName);
        await page.ClickAsync("[data-testid=preview-lead-find]");
        await page.ClickAsync($"[data-testid=preview-lead-hit][data-id='{leadId}']");
        await Assertions.Expect(page.Locator("[data-testid=preview-text]")).ToContainTextAsync($"Hi {firstName}, invoice {{{{invoice.number}}}}");
        await Assertions.Expect(page.Locator("[data-testid=preview-error]")).ToContainTextAsync("Would refuse to send");
        await Assertions.Expect(page.Locator("[data-testid=preview-error]")).ToContainTextAsync("{{invoice.number}}");
        await Assertions.Expect(page.Locator("[data-testid=preview-segments]")).ToContainTextAsync("1 SMS segment");

        // Filled everywhere: sendable. An unknown variable: refused in the preview, and on save.
        await page.FillAsync("[data-testid=template-body]", "Hi {{contact.firstName}} from {{company.name}}");
        await Assertions.Expect(page.Locator("[data-testid=preview-text]")).ToHaveTextAsync($"Hi {firstName} from {companyName}");
        await Assertions.Expect(page.Locator("[data-testid=preview-ok]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=template-body]", "Hi {{contact.nickname}}");
        await Assertions.Expect(page.Locator("[data-testid=preview-error]")).ToContainTextAsync("Unknown variable: {{contact.nickname}}");
        await page.ClickAsync("[data-testid=template-save]");
        await Assertions.Expect(page.Locator("[data-testid=template-body]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"\{\{contact\.nickname\}\}"));

        // Deactivating asks first: keeping it changes nothing, confirming takes it off the active list.
        await OpenAsync(page, "/admin/templates");
        var row = page.Locator("[data-testid=template-row][data-slug=invoice-nudge-sms]");
        await row.Locator("[data-testid=template-deactivate]").ClickAsync();
        await page.ClickAsync("[data-testid=confirm-cancel]");
        await Assertions.Expect(row.Locator("[data-testid=template-active]")).ToHaveTextAsync("yes");
        await row.Locator("[data-testid=template-deactivate]").ClickAsync();
        await page.ClickAsync("[data-testid=confirm-deactivate]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await using var check = Db();
        Assert.False(await check.MessageTemplates.Where(t => t.Slug == "invoice-nudge-sms").Select(t => t.IsActive).SingleAsync());
    }
}
