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

        var plusvibe = Csv("Email,First Name,Last Name,Company Name,Phone,Website,Job Title,Campaign Name,City,Notes\nx@y.com,A,B,C,,,,,,\n");
        Assert.Equal(ImportSource.Plusvibe, plusvibe.DetectedSource);
        Assert.Equal(
            [ImportField.Email, ImportField.FirstName, ImportField.LastName, ImportField.CompanyName, ImportField.Phone, ImportField.Website,
             ImportField.Title, ImportField.Campaign, ImportField.City, ImportField.Ignore],
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
        Assert.All(second.Rows, r => Assert.Contains("kept the company's open lead", r.Reason));
        Assert.Equal(first.Rows.Select(r => r.LeadId), second.Rows.Select(r => r.LeadId));
        Assert.All(first.Rows, r => Assert.NotNull(r.LeadId));
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
        Assert.Equal([RowOutcome.Created, RowOutcome.Merged, RowOutcome.Rejected, RowOutcome.Created, RowOutcome.Rejected, RowOutcome.Merged],
            result.Rows.Select(r => r.Outcome));
        Assert.Contains("duplicate: same email as row 2", result.Rows[1].Reason);
        Assert.Contains("Row 4, companyName", result.Rows[2].Reason);
        Assert.Contains("email: not an email address", result.Rows[3].Reason); // the email goes, Oak Movers stays
        Assert.Contains("Row 6, website", result.Rows[4].Reason);
        Assert.Contains("through the email", result.Rows[5].Reason); // the email's contact is at Acme: it wins

        var report = Encoding.UTF8.GetString(ImportReport.ToCsv(result)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, report.Length);
        Assert.StartsWith("row,outcome,reason", report[0]);
        Assert.StartsWith("5,created,", report[4]);
        Assert.StartsWith("6,rejected,", report[5]);
        await using var db = f.Services.Db();
        Assert.Equal(1, await db.Companies.CountAsync(c => c.NormalizedName == "pine logistics"));
    }

    [Theory]
    [InlineData("Address", ImportField.AddressLine1)]
    [InlineData("Street", ImportField.AddressLine1)]
    [InlineData("Address 1", ImportField.AddressLine1)]
    [InlineData("Address Line 2", ImportField.AddressLine2)]
    [InlineData("City", ImportField.City)]
    [InlineData("State", ImportField.State)]
    [InlineData("Zip", ImportField.Zip)]
    [InlineData("ZIP", ImportField.Zip)]
    [InlineData("Postal Code", ImportField.Zip)]
    [InlineData("postal_code", ImportField.Zip)]
    public void Address_headers_map_themselves(string header, ImportField field)
    {
        Assert.Equal(field, ColumnMapping.Guess(header, ImportSource.GoogleMaps));
        Assert.Equal(field, ColumnMapping.Guess(header, ImportSource.Plusvibe));
    }

    [Fact]
    public async Task Address_columns_become_the_default_billing_and_shipping_address_and_never_overwrite_one()
    {
        var f = await WorkFixture.CreateAsync(); // Acme Towing LLC, (512) 555-2368, no address yet
        await using (var db = f.Services.Db())
        {
            db.Companies.Add(new Data.Companies.Company { Name = "Cedar Freight", NormalizedName = "cedar freight", Phone = "(512) 867-7000" });
            await db.SaveChangesAsync();
        }
        Data.Companies.Company cedar;
        await using (var db = f.Services.Db()) cedar = await db.Companies.SingleAsync(c => c.Name == "Cedar Freight");
        await f.Services.Get<Data.Companies.CompanyAddressService>().SaveAsync(cedar.Id, null, 0,
            new Data.Companies.AddressInput("HQ", Data.Companies.AddressType.BOTH, "1 Old Rd", null, "Austin", "TX", "78701", IsDefaultBilling: true, IsDefaultShipping: true), f.Author.Id);

        var file = Csv("name,phone,street,city,state,postal_code\n" +
            "Birch Haulers,(617) 867-1000,12 Main St,Boston,Massachusetts,2134\n" +   // new company, state written out, Excel's ZIP
            "ACME TOWING,(512) 555-2368,400 Congress Ave,Austin,TX,78701\n" +         // matched, had no address
            "Cedar Freight,(512) 867-7000,99 New Rd,Austin,TX,78702\n" +              // matched, has one: kept
            "Dogwood Movers,(512) 867-8000,5 Elm St,,TX,78703\n");                    // no city: the address is left out, not the row
        var result = await ImportAsync(f, file);
        Assert.Equal([RowOutcome.Created, RowOutcome.Merged, RowOutcome.Merged, RowOutcome.Created], result.Rows.Select(r => r.Outcome));
        Assert.Contains("address added", result.Rows[0].Reason);
        Assert.Contains("address added", result.Rows[1].Reason);
        Assert.Contains("kept the company's address", result.Rows[2].Reason);
        Assert.Contains("address: City is required", result.Rows[3].Reason);

        await using var check = f.Services.Db();
        var birch = await check.Companies.SingleAsync(c => c.Name == "Birch Haulers");
        var birchAddress = await check.CompanyAddresses.SingleAsync(a => a.CompanyId == birch.Id);
        Assert.Equal(("12 Main St", "Boston", "MA", "02134", "US", Data.Companies.AddressType.BOTH, true, true),
            (birchAddress.AddressLine1, birchAddress.City, birchAddress.State, birchAddress.Zip, birchAddress.Country, birchAddress.Type,
             birchAddress.IsDefaultBilling, birchAddress.IsDefaultShipping));
        var acme = await check.CompanyAddresses.SingleAsync(a => a.CompanyId == f.Company.Id);
        Assert.Equal(("400 Congress Ave", true, true), (acme.AddressLine1, acme.IsDefaultBilling, acme.IsDefaultShipping));
        Assert.Equal("1 Old Rd", (await check.CompanyAddresses.SingleAsync(a => a.CompanyId == cedar.Id)).AddressLine1);
        var dogwood = await check.Companies.SingleAsync(c => c.Name == "Dogwood Movers");
        Assert.False(await check.CompanyAddresses.AnyAsync(a => a.CompanyId == dogwood.Id));
        Assert.True(await check.Leads.AnyAsync(l => l.CompanyId == dogwood.Id));
        var added = await check.Activities.Where(a => a.ActivityType == "company.address_added").Select(a => a.Detail!).ToListAsync();
        Assert.Equal(2, added.Count(d => d.Contains("\"import\"", StringComparison.Ordinal)));

        var again = await ImportAsync(f, file);
        Assert.Equal(2, await check.CompanyAddresses.CountAsync(a => a.CompanyId == birch.Id || a.CompanyId == f.Company.Id));
        Assert.Contains("kept the company's address", again.Rows[0].Reason);
    }

    [Fact]
    public async Task A_row_matched_by_name_and_phone_makes_no_nameless_contact_and_keeps_the_open_lead()
    {
        var f = await WorkFixture.CreateAsync(); // Acme Towing LLC, (512) 555-2368; contact Dana (512-867-5309)
        string openLeadId;
        await using (var db = f.Services.Db())
        {
            var dana = await db.Contacts.SingleAsync();
            var lead = new Data.Leads.Lead { CompanyId = f.Company.Id, ContactId = dana.Id, Stage = Data.Leads.LeadStage.QUALIFIED, Source = "manual" };
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            openLeadId = lead.Id;
        }
        var file = Csv("company,phone,website,first_name,last_name,email\n" +
            "Acme Towing,(512) 555-2368,acmetowing.com,,,\n" +                  // the scrape's row: phone only
            "Acme Towing LLC,512.555.2368,,Sam,Stone,sam@acmetowing.com\n");    // a person at the same company
        var result = await ImportAsync(f, file);

        Assert.All(result.Rows, r => Assert.Equal(RowOutcome.Merged, r.Outcome));
        Assert.All(result.Rows, r => Assert.Equal(openLeadId, r.LeadId));
        Assert.All(result.Rows, r => Assert.Contains("kept the company's open lead", r.Reason));
        Assert.Null(result.Rows[0].ContactId);
        Assert.Equal((0, 1, 0), (result.CompaniesCreated, result.ContactsCreated, result.LeadsCreated));
        await using var check = f.Services.Db();
        Assert.Equal("acmetowing.com", (await check.Companies.SingleAsync()).Website);
        Assert.Equal(["Dana Diaz", "Sam Stone"], await check.Contacts.OrderBy(c => c.FullName).Select(c => c.FullName).ToListAsync());
        Assert.False(await check.Contacts.AnyAsync(c => c.FullName == null));
        Assert.Equal(openLeadId, await check.Leads.Select(l => l.Id).SingleAsync());
    }

    [Fact]
    public async Task A_matched_company_gets_a_lead_only_when_it_has_no_open_one_and_the_row_names_someone()
    {
        var f = await WorkFixture.CreateAsync();
        await using (var db = f.Services.Db())
        {
            var dana = await db.Contacts.SingleAsync();
            db.Leads.Add(new Data.Leads.Lead { CompanyId = f.Company.Id, ContactId = dana.Id, Stage = Data.Leads.LeadStage.LOST, LostReason = "Price" });
            await db.SaveChangesAsync();
        }
        var phoneOnly = await ImportAsync(f, Csv("name,phone\nAcme Towing,(512) 555-2368\n"));
        Assert.Contains("no lead: the row names no contact and Acme Towing LLC has no open lead", phoneOnly.Rows[0].Reason);
        Assert.Null(phoneOnly.Rows[0].LeadId);

        var named = await ImportAsync(f, Csv("name,phone,full_name\nAcme Towing,(512) 555-2368,Lee Park\n"));
        Assert.Contains("lead created", named.Rows[0].Reason);
        await using var check = f.Services.Db();
        var lead = await check.Leads.SingleAsync(l => l.Stage == Data.Leads.LeadStage.NEW_LEAD);
        Assert.Equal((named.Rows[0].LeadId, f.Company.Id), (lead.Id, lead.CompanyId));
        Assert.Equal("Lee Park", (await check.Contacts.SingleAsync(c => c.Id == lead.ContactId)).FullName);
        Assert.Equal(2, await check.Contacts.CountAsync());
    }

    [Fact]
    public void The_preview_flags_an_unusable_phone_a_bad_email_and_rows_that_repeat_an_earlier_one()
    {
        var file = Csv("name,phone,email\n" +
            "Elm Couriers,(317) 555-0142,\n" +
            "Fir Trucking,(317) 867-2000,ops@fir\n" +
            "FIR TRUCKING INC,317-867-2000,\n" +
            "Gum Tree Towing,call us,\n" +
            "Hazel Cartage,(317) 867-3000,\n" +
            "Hazel Cartage,(317) 867-3000,\n");
        var rows = ImportService.Preview(file, ColumnMapping.Auto(file.Headers, ImportSource.GoogleMaps), 10);
        Assert.All(rows, r => Assert.True(r.IsValid));
        Assert.Contains(rows[0].Warnings, w => w.StartsWith("phone: 555-01xx numbers are fictional"));
        Assert.Contains(rows[1].Warnings, w => w.StartsWith("email: not an email address ('ops@fir'"));
        Assert.Null(rows[1].Email);
        Assert.Contains(rows[2].Warnings, w => w.StartsWith("duplicate: same company and phone as row 3"));
        Assert.Contains(rows[3].Warnings, w => w.StartsWith("phone: not a phone number"));
        Assert.DoesNotContain(rows[1].Warnings, w => w.StartsWith("duplicate"));
        Assert.Contains(rows[5].Warnings, w => w.StartsWith("duplicate: same company and phone as row 6"));

        // Two place ids under one name and phone are two branches of a chain: both are imported, neither is flagged.
        var chain = Csv("name,place_id,phone\nIvy Couriers,ChIJ-ivy-1,(317) 867-5000\nIvy Couriers,ChIJ-ivy-2,(317) 867-5000\nIvy Couriers,ChIJ-ivy-1,\n");
        var branches = ImportService.Preview(chain, ColumnMapping.Auto(chain.Headers, ImportSource.GoogleMaps), 10);
        Assert.Empty(branches[1].Warnings);
        Assert.Contains(branches[2].Warnings, w => w.StartsWith("duplicate: same Google place id as row 2"));
    }

    static async Task<(int, int, int, int)> CountsAsync(WorkFixture f)
    {
        await using var db = f.Services.Db();
        return (await db.Companies.CountAsync(), await db.Contacts.CountAsync(), await db.Leads.CountAsync(),
            await db.Activities.CountAsync(a => a.ActivityType != "import.finished"));
    }
}
