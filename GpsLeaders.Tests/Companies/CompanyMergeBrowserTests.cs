using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Notes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Companies;

/// <summary>An admin merges a duplicate company into the one whose page they are on.</summary>
public class CompanyMergeBrowserTests : BrowserTest
{
    [Fact]
    public async Task An_admin_merges_a_duplicate_into_the_company_and_its_contacts_show_there()
    {
        var admin = await Db().Users.SingleAsync(u => u.Email == "admin@gpsleaders.test");
        var companies = Service<CompanyService>();
        var survivor = await companies.CreateAsync(new CompanyInput("Quillfeather Towing LLC"), admin.Id);
        var duplicate = await companies.CreateAsync(new CompanyInput("Quillfeather Towing Co", Website: "quillfeather.example"), admin.Id);
        var contact = await Service<ContactService>().CreateAsync(new ContactInput("Zora", "Quill", "zora@quillfeather.example", CompanyId: duplicate.Id), admin.Id);
        await using (var db = Db())
        {
            db.Leads.Add(new Lead { CompanyId = duplicate.Id, ContactId = contact.Id });
            await db.SaveChangesAsync();
        }
        await Service<NoteService>().AddAsync(duplicate.Id, null, admin.Id, "Owner prefers texts.");

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, $"/companies/{survivor.Id}");
        await Assertions.Expect(page.Locator("[data-testid=company-title]")).ToContainTextAsync("Quillfeather Towing LLC");
        await page.ClickAsync("[data-testid=merge-open]");
        await page.Locator("[data-testid=merge-search]").FillAsync("quillfeather");
        var candidate = page.Locator("[data-testid=merge-candidate]", new() { HasText = "Quillfeather Towing Co" });
        await Assertions.Expect(candidate).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=merge-candidate]", new() { HasText = "Quillfeather Towing LLC" })).ToHaveCountAsync(0);
        await candidate.ClickAsync();

        var preview = page.Locator("[data-testid=merge-preview]");
        await Assertions.Expect(preview.Locator("[data-testid=merge-preview-contacts]")).ToHaveTextAsync("Contacts: 1");
        await Assertions.Expect(preview.Locator("[data-testid=merge-preview-leads]")).ToHaveTextAsync("Leads: 1");
        await Assertions.Expect(preview.Locator("[data-testid=merge-preview-notes]")).ToHaveTextAsync("Notes: 1");
        await Assertions.Expect(preview).ToContainTextAsync("website");
        await page.ClickAsync("[data-testid=merge-confirm]");

        await Assertions.Expect(page.Locator("[data-testid=toast]", new() { HasText = "Quillfeather Towing Co merged into Quillfeather Towing LLC" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=contact-row]", new() { HasText = "Zora Quill" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=merge-error]")).ToHaveCountAsync(0);

        await using var check = Db();
        Assert.False(await check.Companies.AnyAsync(c => c.Id == duplicate.Id));
        Assert.Equal(survivor.Id, (await check.Contacts.SingleAsync(c => c.Id == contact.Id)).CompanyId);
        Assert.Equal(survivor.Id, (await check.Leads.SingleAsync(l => l.ContactId == contact.Id)).CompanyId);
        Assert.Equal(survivor.Id, (await check.Notes.SingleAsync(n => n.Body == "Owner prefers texts.")).CompanyId);
        Assert.True(await check.Activities.AnyAsync(a => a.ActivityType == "company.created" && a.CompanyId == survivor.Id && a.Summary.Contains("Quillfeather Towing Co")));
        var merged = await check.Activities.SingleAsync(a => a.ActivityType == "company.merged");
        Assert.Equal(survivor.Id, merged.CompanyId);
        Assert.Equal(admin.Id, merged.UserId);
        Assert.Equal("quillfeather.example", (await check.Companies.SingleAsync(c => c.Id == survivor.Id)).Website);
    }

    [Fact]
    public async Task A_rep_is_not_offered_the_merge()
    {
        var rep = await Db().Users.SingleAsync(u => u.Email == "rep1@gpsleaders.test");
        var company = await Service<CompanyService>().CreateAsync(new CompanyInput("Quillfeather Solo LLC"), rep.Id);
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, $"/companies/{company.Id}");
        await Assertions.Expect(page.Locator("[data-testid=company-title]")).ToContainTextAsync("Quillfeather Solo LLC");
        await Assertions.Expect(page.Locator("[data-testid=merge-open]")).ToHaveCountAsync(0);
    }
}
