using System.Text;
using GpsLeaders.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Import;

public class ImportServiceTests
{
    const string GoogleHeader = "name,place_id,phone,website,category,rating,reviews,photo,google_maps_url,description,email";

    static ImportFile Csv(string text, string name = "scrape.csv") => CsvImport.Read(Encoding.UTF8.GetBytes(text), name);

    static async Task<ImportResult> ImportAsync(WorkFixture f, ImportFile file, ImportSource source = ImportSource.Auto) =>
        await f.Services.Get<ImportService>().RunAsync(new ImportRequest(file, ColumnMapping.Auto(file.Headers, file.DetectedSource), source, f.Author.Id));

    [Fact]
    public void Google_maps_and_plusvibe_headers_map_themselves()
    {
        var google = Csv(GoogleHeader + "\nA,p1,,,,,,,,,\n");
        Assert.Equal(ImportSource.GoogleMaps, google.DetectedSource);
        Assert.Equal(
            [ImportField.CompanyName, ImportField.GooglePlaceId, ImportField.Phone, ImportField.Website, ImportField.Industry, ImportField.GoogleRating,
             ImportField.GoogleReviewCount, ImportField.HeroPhotoUrl, ImportField.GoogleMapsUrl, ImportField.About, ImportField.Email],
            ColumnMapping.Auto(google.Headers, google.DetectedSource).Fields);

        var plusvibe = Csv("Email,First Name,Last Name,Company Name,Phone,Website,Job Title,Campaign Name,City\nx@y.com,A,B,C,,,,,\n");
        Assert.Equal(ImportSource.Plusvibe, plusvibe.DetectedSource);
        Assert.Equal(
            [ImportField.Email, ImportField.FirstName, ImportField.LastName, ImportField.CompanyName, ImportField.Phone, ImportField.Website,
             ImportField.Title, ImportField.Campaign, ImportField.Ignore],
            ColumnMapping.Auto(plusvibe.Headers, plusvibe.DetectedSource).Fields);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   \n", "is empty")]
    [InlineData("name,phone\n", "header but no data rows")]
    [InlineData("name|phone|website\nA|1|b\n", "separated by '|'")]
    [InlineData("name,phone\n\"Acme,512\n", "never closed")]
    [InlineData("name,phone\nAc\"me,512\n", "row 2 (line 2)")]
    [InlineData("name,phone\n\"Acme\"x,512\n", "broken quoting at row 2")]
    public void Bad_files_are_refused_with_a_clear_message(string text, string message)
    {
        var ex = Assert.Throws<ImportFileException>(() => Csv(text));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Non_utf8_files_and_missing_required_columns_are_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes("name,phone\nCafé Towing,512\n");
        Assert.Contains("not UTF-8", Assert.Throws<ImportFileException>(() => CsvImport.Read(latin1, "x.csv")).Message);

        var file = Csv("city,state\nAustin,TX\n");
        var ex = Assert.Throws<ImportFileException>(() => ImportService.CheckMapping(file, ColumnMapping.Auto(file.Headers, ImportSource.Auto)));
        Assert.Contains("Company name or Email", ex.Message);
        Assert.Throws<ImportFileException>(() => CsvImport.Read(new byte[CsvImport.MaxBytes + 1], "big.csv"));
    }

    [Fact]
    public void Semicolons_are_recognised_and_said()
    {
        var file = Csv("name;phone\n\"Acme; Towing\";512\n");
        Assert.Equal(';', file.Delimiter);
        Assert.Equal("Acme; Towing", file.Rows[0].Values[0]);
        Assert.Contains(file.Notes, n => n.Contains("semicolons"));
    }

    [Fact]
    public async Task Rows_are_created_then_a_reimport_creates_nothing()
    {
        var f = await WorkFixture.CreateAsync();
        var file = Csv(GoogleHeader + "\n" +
            "Bolt Freight Inc.,ChIJ-bolt,(512) 867-1000,boltfreight.com,Trucking,4.6,\"1,204\",https://img/x.jpg,https://maps/bolt,Freight,\n" +
            "River Plumbing,ChIJ-river,214-867-2000,,Plumbing,,,,,,ops@riverplumbing.com\n");
        var first = await ImportAsync(f, file);
        Assert.True(first.Created == 2, first.Rows[0].Reason);
        Assert.Equal(2, first.LeadsCreated);
        await using (var db = f.Services.Db())
        {
            var bolt = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-bolt");
            Assert.Equal(("bolt freight", 4.6m, 1204, "google_maps"), (bolt.NormalizedName, bolt.GoogleRating!.Value, bolt.GoogleReviewCount!.Value, bolt.Source!));
            var lead = await db.Leads.SingleAsync(l => l.CompanyId == bolt.Id);
            Assert.Equal(("google_maps", Data.Leads.LeadStage.NEW_LEAD), (lead.Source!, lead.Stage));
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "import.finished"));
        }

        var counts = await CountsAsync(f);
        var second = await ImportAsync(f, file);
        Assert.Equal((0, 2, 0), (second.Created, second.Merged, second.Rejected));
        Assert.All(second.Rows, r => Assert.Contains("lead already exists", r.Reason));
        Assert.Equal(counts, await CountsAsync(f));
    }

    [Fact]
    public async Task Dedupe_goes_place_id_then_name_and_phone_then_email_and_fills_only_empty_fields()
    {
        var f = await WorkFixture.CreateAsync(); // Acme Towing LLC, (512) 555-2368, contact dana@acmetowing.com
        await using (var db = f.Services.Db())
        {
            var acme = await db.Companies.SingleAsync();
            acme.GooglePlaceId = "ChIJ-acme";
            acme.Website = "acmetowing.com";
            await db.SaveChangesAsync();
        }
        var file = Csv(GoogleHeader + "\n" +
            "Totally Different Name,ChIJ-acme,,other.com,Towing,,,,,,\n" +
            "ACME TOWING,,+1 512 555 2368,,,4.2,,,,,\n" +
            "Somewhere Else,,,,,,,,,,DANA@acmetowing.com\n" +
            "Acme Towing,,(512) 867-9999,,,,,,,,\n");
        var result = await ImportAsync(f, file);
        Assert.Contains("by Google place id", result.Rows[0].Reason);
        Assert.Contains("by name and phone", result.Rows[1].Reason);
        Assert.Contains("through the email", result.Rows[2].Reason);
        Assert.Equal(RowOutcome.Created, result.Rows[3].Outcome); // same name, another phone: another business
        await using (var db = f.Services.Db())
        {
            var acme = await db.Companies.SingleAsync(c => c.GooglePlaceId == "ChIJ-acme");
            Assert.Equal(("acmetowing.com", "Towing", 4.2m), (acme.Website!, acme.Industry!, acme.GoogleRating!.Value));
            Assert.Equal(2, await db.Companies.CountAsync());
            Assert.Equal(1, await db.Contacts.CountAsync(c => c.EmailNormalized == "dana@acmetowing.com"));
        }
    }

    [Fact]
    public async Task Duplicates_in_the_file_merge_and_bad_rows_are_rejected_with_their_reason()
    {
        var f = await WorkFixture.CreateAsync();
        var file = Csv("company,email,phone,website,first_name\n" +
            "Pine Logistics,amy@pine.com,512-867-3000,pine.com,Amy\n" +
            "Pine Logistics LLC,AMY@pine.com,,,\n" +
            ",,512-867-4000,,Bob\n" +
            "Oak Movers,not-an-email,,,\n" +
            "Elm Couriers,,,not a site,\n" +
            "Other Co,dana@acmetowing.com,,,\n");
        var result = await ImportAsync(f, file);
        Assert.Equal(6, result.Rows.Count);
        Assert.Equal([RowOutcome.Created, RowOutcome.Merged, RowOutcome.Rejected, RowOutcome.Rejected, RowOutcome.Rejected, RowOutcome.Merged],
            result.Rows.Select(r => r.Outcome));
        Assert.Contains("Row 4, companyName", result.Rows[2].Reason);
        Assert.Contains("Row 5, email", result.Rows[3].Reason);
        Assert.Contains("Row 6, website", result.Rows[4].Reason);
        Assert.Contains("through the email", result.Rows[5].Reason); // the email's contact is at Acme: it wins

        var report = Encoding.UTF8.GetString(ImportReport.ToCsv(result)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, report.Length);
        Assert.StartsWith("row,outcome,reason", report[0]);
        Assert.StartsWith("5,rejected,", report[4]);
        await using var db = f.Services.Db();
        Assert.Equal(1, await db.Companies.CountAsync(c => c.NormalizedName == "pine logistics"));
    }

    static async Task<(int, int, int, int)> CountsAsync(WorkFixture f)
    {
        await using var db = f.Services.Db();
        return (await db.Companies.CountAsync(), await db.Contacts.CountAsync(), await db.Leads.CountAsync(),
            await db.Activities.CountAsync(a => a.ActivityType != "import.finished"));
    }
}
