using System.Text;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Import;

/// <summary>The CSV import wizard as a rep uses it: upload, map, preview, run, download the report.</summary>
public class ImportBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_rep_imports_a_scrape_sees_the_counts_and_downloads_the_report()
    {
        string existingName, existingPhone, existingId;
        int companiesBefore;
        await using (var db = Db())
        {
            var existing = await db.Companies.Where(c => c.Phone != null && c.GooglePlaceId == null).OrderBy(c => c.Name).FirstAsync();
            (existingName, existingPhone, existingId) = (existing.Name.ToUpperInvariant(), existing.Phone!, existing.Id);
            companiesBefore = await db.Companies.CountAsync();
        }
        var csv = "title,place_id,phone,site,category,rating,reviews\n" +
                  "Zephyr Hauling Co,ChIJ-zephyr,(737) 867-1111,zephyrhauling.com,Hauling,4.8,312\n" +
                  $"\"{existingName}\",,\"{existingPhone}\",,,,\n" +
                  ",ChIJ-noname,(737) 867-2222,,,,\n" +
                  "Quartz Couriers,ChIJ-quartz,,not a website,,,\n";

        var page = await SignedInAsync("rep1@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-import]");
        await WaitForCircuitAsync(page);
        await page.SetInputFilesAsync("[data-testid=import-file]",
            new FilePayload { Name = "austin-haulers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.Locator("[data-testid=import-file-summary]")).ToContainTextAsync("4 rows");

        // "site" is auto-mapped to Website, "title" to Company name; the preview flags the broken rows.
        Assert.Equal("Website", await page.Locator("input[data-testid=import-map-3]").InputValueAsync());
        await page.ClickAsync("[data-testid=import-map-4]");
        await page.Locator("[data-testid=import-map-4-option]", new() { HasText = "Industry" }).ClickAsync();
        var preview = page.Locator("[data-testid=import-preview-row]");
        await Assertions.Expect(preview).ToHaveCountAsync(4);
        await Assertions.Expect(preview.Nth(2).Locator("[data-testid=import-preview-problem]")).ToContainTextAsync("Row 4, companyName");
        await Assertions.Expect(preview.Nth(3).Locator("[data-testid=import-preview-problem]")).ToContainTextAsync("Row 5, website");

        await page.ClickAsync("[data-testid=import-run]");
        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-created]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=import-merged]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=import-rejected]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=import-progress]")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=import-report]"));
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("row,outcome,reason", lines[0]);
        Assert.StartsWith("2,created,", lines[1]);
        Assert.StartsWith("3,merged,", lines[2]);
        Assert.Contains("by name and phone", lines[2]);
        Assert.Contains(existingId, lines[2]);
        Assert.StartsWith("4,rejected,", lines[3]);
        Assert.StartsWith("5,rejected,", lines[4]);
        Assert.Contains("website", lines[4]);

        await using (var db = Db())
        {
            Assert.Equal(companiesBefore + 1, await db.Companies.CountAsync());
            var zephyr = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-zephyr");
            Assert.Equal(("Hauling", 312, "zephyrhauling.com"), (zephyr.Industry!, zephyr.GoogleReviewCount!.Value, zephyr.Website!));
            Assert.Equal("google_maps", await db.Leads.Where(l => l.CompanyId == zephyr.Id).Select(l => l.Source).SingleAsync());
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "import.finished"));
        }
    }

    [Fact]
    public async Task A_scrape_with_addresses_a_known_company_a_bad_phone_a_repeated_row_and_a_bad_email_imports_row_by_row()
    {
        string knownName, knownPhone, knownId, knownLeadId, knownAddresses;
        int knownContacts, knownLeads;
        await using (var db = Db())
        {
            var known = await db.Companies
                .Where(c => c.Phone != null && c.GooglePlaceId == null && db.Leads.Any(l => l.CompanyId == c.Id && !LeadStages.Closed.Contains(l.Stage))
                    && db.CompanyAddresses.Any(a => a.CompanyId == c.Id))
                .OrderBy(c => c.Name).FirstAsync();
            (knownName, knownPhone, knownId) = (known.Name.ToUpperInvariant(), known.Phone!, known.Id);
            knownLeadId = await db.Leads.Where(l => l.CompanyId == knownId && !LeadStages.Closed.Contains(l.Stage))
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Select(l => l.Id).FirstAsync();
            knownAddresses = await AddressesAsync(db, knownId);
            knownContacts = await db.Contacts.CountAsync(c => c.CompanyId == knownId);
            knownLeads = await db.Leads.CountAsync(l => l.CompanyId == knownId);
        }
        var csv = "title,place_id,phone,site,street,city,state,zip,email,owner\n" +
                  "Juniper Fleet Services,ChIJ-juniper,(317) 867-4100,juniperfleet.com,220 Meridian St,Indianapolis,Indiana,46204,ops@juniperfleet.com,Jo Reyes\n" +
                  $"\"{knownName}\",,\"{knownPhone}\",,400 Main St,Austin,TX,78701,,\n" +
                  "Larch Towing,ChIJ-larch,(317) 555-0142,,,,,,,Pat Lowe\n" +
                  "Juniper Fleet Services Inc,,317-867-4100,,,,,,,\n" +
                  "Maple Haulers,ChIJ-maple,(317) 867-4300,,,,,,maple@@example,Kim Ng\n";

        var page = await SignedInAsync("rep1@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-import]");
        await WaitForCircuitAsync(page);
        await page.SetInputFilesAsync("[data-testid=import-file]",
            new FilePayload { Name = "indy-fleets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.Locator("[data-testid=import-file-summary]")).ToContainTextAsync("5 rows");
        Assert.Equal("Street address", await page.Locator("input[data-testid=import-map-4]").InputValueAsync());
        Assert.Equal("ZIP code", await page.Locator("input[data-testid=import-map-7]").InputValueAsync());

        var preview = page.Locator("[data-testid=import-preview-row]");
        await Assertions.Expect(preview).ToHaveCountAsync(5);
        await Assertions.Expect(preview.Nth(0).Locator("[data-testid=import-preview-address]")).ToHaveTextAsync("220 Meridian St, Indianapolis, IN 46204");
        await Assertions.Expect(preview.Nth(2).Locator("[data-testid=import-preview-warning]")).ToContainTextAsync("phone: 555-01xx numbers are fictional");
        await Assertions.Expect(preview.Nth(3).Locator("[data-testid=import-preview-warning]")).ToContainTextAsync("same company and phone as row 2");
        await Assertions.Expect(preview.Nth(4).Locator("[data-testid=import-preview-warning]")).ToContainTextAsync("email: not an email address");
        await AssertAccessibleAsync(page); // the flags are readable (contrast) in the preview

        await page.ClickAsync("[data-testid=import-run]");
        await Assertions.Expect(page.Locator("[data-testid=import-done]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-percent]")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("[data-testid=import-progress]")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(page.Locator("[data-testid=import-created]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=import-merged]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=import-rejected]")).ToHaveTextAsync("0");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=import-report]"));
        var report = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, report.Length);
        var leadIds = report.Skip(1).Select(line => line.Split(',')[^1]).ToList();
        Assert.All(leadIds, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(knownLeadId, leadIds[1]);
        Assert.Contains("kept the company's open lead", report[2]);
        Assert.Contains("kept the company's address", report[2]);
        Assert.Equal(leadIds[0], leadIds[3]); // the repeated row kept Juniper's lead

        await using (var db = Db())
        {
            var juniper = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-juniper");
            var address = await db.CompanyAddresses.SingleAsync(a => a.CompanyId == juniper.Id);
            Assert.Equal(("220 Meridian St", "Indianapolis", "IN", "46204", AddressType.BOTH, true, true),
                (address.AddressLine1, address.City, address.State, address.Zip, address.Type, address.IsDefaultBilling, address.IsDefaultShipping));
            Assert.Equal(["Jo Reyes"], await db.Contacts.Where(c => c.CompanyId == juniper.Id).Select(c => c.FullName).ToListAsync());
            Assert.Equal(leadIds[0], await db.Leads.Where(l => l.CompanyId == juniper.Id).Select(l => l.Id).SingleAsync());
            Assert.Equal(1, await db.Companies.CountAsync(c => c.NormalizedName == "juniper fleet services"));

            Assert.Equal(knownAddresses, await AddressesAsync(db, knownId)); // it had an address: the row's is not written over it
            Assert.Equal(knownContacts, await db.Contacts.CountAsync(c => c.CompanyId == knownId));
            Assert.Equal(knownLeads, await db.Leads.CountAsync(l => l.CompanyId == knownId));

            var larch = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-larch");
            Assert.Equal("(317) 555-0142", larch.Phone);
            var pat = await db.Contacts.SingleAsync(c => c.CompanyId == larch.Id);
            Assert.Equal(("Pat Lowe", "(317) 555-0142", (string?)null), (pat.FullName!, pat.Phone!, pat.PhoneE164));

            var maple = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-maple");
            var kim = await db.Contacts.SingleAsync(c => c.CompanyId == maple.Id);
            Assert.Equal(("Kim Ng", (string?)null, (string?)null), (kim.FullName!, kim.Email, kim.EmailNormalized));
            Assert.Equal(leadIds[4], await db.Leads.Where(l => l.ContactId == kim.Id).Select(l => l.Id).SingleAsync());

            var newCompanies = new[] { juniper.Id, larch.Id, maple.Id, knownId };
            Assert.False(await db.Contacts.AnyAsync(c => newCompanies.Contains(c.CompanyId!) && c.FullName == null));
        }
    }

    static async Task<string> AddressesAsync(Data.CrmDbContext db, string companyId) => string.Join(" | ",
        await db.CompanyAddresses.Where(a => a.CompanyId == companyId).OrderBy(a => a.Id)
            .Select(a => $"{a.AddressLine1}, {a.City}, {a.State} {a.Zip} {a.IsDefaultBilling} {a.IsDefaultShipping}").ToListAsync());
}
