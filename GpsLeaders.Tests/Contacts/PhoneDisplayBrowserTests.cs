using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Contacts;

/// <summary>Phone numbers read the way people write them on every screen a new user opens, and a flagged one says why.</summary>
public sealed class PhoneDisplayBrowserTests : BrowserTest
{
    [Fact]
    public async Task Contact_company_inbox_and_search_show_US_style_numbers_and_explain_the_flags()
    {
        var admin = await Db().Users.SingleAsync(u => u.Email == "admin@gpsleaders.test");
        var company = await Service<CompanyService>().CreateAsync(new CompanyInput("Quillfeather Haulage", Phone: "317.245.9654"), admin.Id);
        var landline = await Service<ContactService>().CreateAsync(
            new ContactInput("Landon", "Lineman", Phone: "+1 317 245 9655", PhoneType: "landline", CompanyId: company.Id), admin.Id);
        var fictional = await Service<ContactService>().CreateAsync(
            new ContactInput("Fiona", "Fictional", Phone: "(512) 555-0123", CompanyId: company.Id), admin.Id);
        // A stranger texts in: the contact made for them is known only by the number, stored as E.164.
        await using (var db = Db())
            await SmsInbound.ReceiveAsync(db, "evt-phones", "+13172459656", FakeSmsGateway.FromNumber, "Do your trackers fit box trucks?", DateTime.UtcNow, default);
        var page = await SignedInAsync("admin@gpsleaders.test");

        await OpenAsync(page, $"/contacts/{landline.Id}");
        var phone = page.Locator("[data-testid=contact-phone]");
        await Assertions.Expect(phone.Locator("[data-testid=phone-number]")).ToHaveTextAsync("(317) 245-9655");
        await Assertions.Expect(phone.Locator("[data-testid=phone-number]")).ToHaveAttributeAsync("href", "tel:+13172459655");
        await Assertions.Expect(phone.Locator("[data-testid=phone-flag]")).ToHaveTextAsync("landline: cannot text");

        await OpenAsync(page, $"/contacts/{fictional.Id}");
        await Assertions.Expect(phone.Locator("[data-testid=phone-number]")).ToHaveTextAsync("(512) 555-0123");
        await Assertions.Expect(phone.Locator("[data-testid=phone-flag]")).ToHaveTextAsync("⚠ 555-01xx numbers are fictional");

        await OpenAsync(page, $"/companies/{company.Id}");
        await Assertions.Expect(page.Locator("[data-testid=company-phone]")).ToHaveTextAsync("(317) 245-9654");
        var rows = page.Locator("[data-testid=contact-row]");
        await Assertions.Expect(rows.Filter(new() { HasText = "Landon Lineman" }).Locator("[data-testid=phone-number]")).ToHaveTextAsync("(317) 245-9655");
        await Assertions.Expect(rows.Filter(new() { HasText = "Landon Lineman" }).Locator("[data-testid=phone-flag]")).ToHaveTextAsync("landline: cannot text");
        await Assertions.Expect(rows.Filter(new() { HasText = "Fiona Fictional" })).ToContainTextAsync("555-01xx numbers are fictional");

        await OpenAsync(page, "/inbox");
        var row = page.Locator("[data-testid=inbox-row]", new() { HasText = "box trucks" });
        await Assertions.Expect(row.Locator("[data-testid=inbox-row-name]")).ToHaveTextAsync("(317) 245-9656");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=conversation-title]")).ToHaveTextAsync("(317) 245-9656");
        await Assertions.Expect(page.Locator("[data-testid=conversation-phone]")).ToHaveTextAsync("(317) 245-9656");
        await Assertions.Expect(page.Locator("[data-testid=conversation-header]")).Not.ToContainTextAsync("+1317");

        var search = page.Locator("input[data-testid=global-search-input]");
        var hits = page.Locator("[data-testid=global-search-hit]");
        await search.FillAsync("Quillfeather");
        await Assertions.Expect(page.Locator("[data-testid=global-search-hit][data-kind=Company]", new() { HasText = "Quillfeather Haulage" }))
            .ToContainTextAsync("(317) 245-9654");
        await search.FillAsync("Landon Lineman");
        await Assertions.Expect(hits.Filter(new() { HasText = "Landon Lineman" })).ToContainTextAsync("(317) 245-9655");
        await search.FillAsync("317-245-9656");
        await Assertions.Expect(page.Locator("[data-testid=global-search-hit][data-kind=Contact]")).ToContainTextAsync("(317) 245-9656");
        await Assertions.Expect(page.Locator("[data-testid=global-search]")).Not.ToContainTextAsync("+1317");
    }
}
