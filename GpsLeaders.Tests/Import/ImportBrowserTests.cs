using System.Text;
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
}
