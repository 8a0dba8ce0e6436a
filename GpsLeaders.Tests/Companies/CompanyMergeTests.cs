using GpsLeaders.Data.Notes;
using System.Text.Json;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Companies;

public class CompanyMergeTests
{
    /// <summary>The fixture's Acme Towing LLC is the survivor; "Acme Towing Co" is the duplicate, with a row in every table that references companies.</summary>
    static async Task<(WorkFixture F, Company Duplicate)> TwoCompaniesAsync()
    {
        var f = await WorkFixture.CreateAsync();
        var duplicate = await f.Services.Get<CompanyService>().CreateAsync(
            new CompanyInput("Acme Towing Co", Phone: "(512) 555-0000", Website: "acmetowing.example"), f.Author.Id);
        var contact = await f.Services.Get<ContactService>().CreateAsync(
            new ContactInput("Eve", "Evans", "eve@acmetowing.example", CompanyId: duplicate.Id), f.Author.Id);
        await using var db = f.Services.Db();
        var dup = await db.Companies.SingleAsync(c => c.Id == duplicate.Id);
        dup.Industry = "Towing";
        dup.FleetSize = 40;
        dup.GooglePlaceId = "place-acme";
        dup.GoogleRating = 4.5m;
        dup.GoogleReviewCount = 120;
        dup.HeroPhotoUrl = "https://photos.example/acme.jpg";
        var lead = new Lead { CompanyId = dup.Id, ContactId = contact.Id };
        var invoice = new Invoice { CompanyId = dup.Id, InvoiceNumber = "GPS-2026-0001" };
        db.AddRange(
            lead,
            new Note { CompanyId = dup.Id, Lead = lead, AuthorId = f.Author.Id, Body = "Called the owner." },
            new TaskItem { CompanyId = dup.Id, Title = "Send quote" },
            Address(dup.Id, "Duplicate HQ", billing: true, shipping: true),
            Address(f.Company.Id, "Survivor HQ", billing: true, shipping: false),
            invoice,
            new Device { CompanyId = dup.Id, SerialNumber = "SN-1", Invoice = invoice },
            new FulfillmentOrder { CompanyId = dup.Id, Invoice = invoice, DeviceCount = 1 });
        await db.SaveChangesAsync();
        return (f, dup);
    }

    static CompanyAddress Address(string companyId, string label, bool billing, bool shipping) => new()
    {
        CompanyId = companyId, Label = label, Type = AddressType.BOTH, AddressLine1 = "1 Main St", City = "Austin", State = "TX", Zip = "78701",
        IsDefaultBilling = billing, IsDefaultShipping = shipping,
    };

    static async Task<CompanyMergeResult> MergeAsync(WorkFixture f, string duplicateId)
    {
        var merge = f.Services.Get<CompanyMerge>();
        var preview = await merge.PreviewAsync(f.Company.Id, duplicateId);
        return await merge.MergeAsync(f.Company.Id, duplicateId, preview.SurvivorVersion, preview.DuplicateVersion, f.Author.Id);
    }

    [Fact]
    public async Task The_preview_counts_what_will_move()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var preview = await f.Services.Get<CompanyMerge>().PreviewAsync(f.Company.Id, dup.Id);
        Assert.Equal("Acme Towing Co", preview.DuplicateName);
        Assert.Equal(1, preview.Moves["contacts"]);
        Assert.Equal(1, preview.Moves["leads"]);
        Assert.Equal(1, preview.Moves["invoices"]);
        Assert.Equal(1, preview.Moves["fulfillmentOrders"]);
        Assert.True(preview.Moves["activities"] >= 2); // company.created, contact.created
        Assert.Contains("website", preview.FieldsToFill);
        Assert.DoesNotContain("phone", preview.FieldsToFill);
    }

    [Fact]
    public async Task Everything_moves_to_the_survivor_the_duplicate_is_deleted_and_an_activity_counts_it()
    {
        var (f, dup) = await TwoCompaniesAsync();
        int survivorHistory, duplicateHistory;
        await using (var before = f.Services.Db())
        {
            survivorHistory = await before.Activities.CountAsync(a => a.CompanyId == f.Company.Id);
            duplicateHistory = await before.Activities.CountAsync(a => a.CompanyId == dup.Id);
        }
        Assert.True(duplicateHistory >= 2);

        var result = await MergeAsync(f, dup.Id);

        await using var db = f.Services.Db();
        Assert.False(await db.Companies.AnyAsync(c => c.Id == dup.Id));
        Assert.Equal(2, await db.Contacts.CountAsync(c => c.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.Leads.CountAsync(l => l.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.Notes.CountAsync(n => n.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.CompanyId == f.Company.Id));
        Assert.Equal(2, await db.CompanyAddresses.CountAsync(a => a.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.Invoices.CountAsync(i => i.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.Devices.CountAsync(d => d.CompanyId == f.Company.Id));
        Assert.Equal(1, await db.FulfillmentOrders.CountAsync(o => o.CompanyId == f.Company.Id));
        // The duplicate's history stays on the survivor's timeline instead of losing its company.
        Assert.Equal(survivorHistory + duplicateHistory + 1, await db.Activities.CountAsync(a => a.CompanyId == f.Company.Id));
        Assert.True(await db.Activities.AnyAsync(a => a.CompanyId == f.Company.Id && a.Summary.Contains("Acme Towing Co")));

        var merged = await db.Activities.SingleAsync(a => a.ActivityType == "company.merged");
        Assert.Equal(result.ActivityId, merged.Id);
        Assert.Equal(f.Company.Id, merged.CompanyId);
        Assert.Equal(f.Author.Id, merged.UserId);
        using var detail = JsonDocument.Parse(merged.Detail!);
        Assert.Equal(dup.Id, detail.RootElement.GetProperty("duplicate").GetProperty("Id").GetString());
        Assert.Equal("Acme Towing Co", detail.RootElement.GetProperty("duplicate").GetProperty("Name").GetString());
        var moved = detail.RootElement.GetProperty("moved");
        Assert.Equal(1, moved.GetProperty("contacts").GetInt32());
        Assert.Equal(1, moved.GetProperty("devices").GetInt32());
        Assert.Equal(result.Moved["activities"], moved.GetProperty("activities").GetInt32());
    }

    [Fact]
    public async Task Survivor_fields_are_filled_only_where_empty()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var result = await MergeAsync(f, dup.Id);

        await using var db = f.Services.Db();
        var survivor = await db.Companies.SingleAsync(c => c.Id == f.Company.Id);
        Assert.Equal("Acme Towing LLC", survivor.Name);
        Assert.Equal("(512) 555-2368", survivor.Phone); // the survivor's own, not the duplicate's
        Assert.Equal("acmetowing.example", survivor.Website);
        Assert.Equal("Towing", survivor.Industry);
        Assert.Equal(40, survivor.FleetSize);
        Assert.Equal("place-acme", survivor.GooglePlaceId); // unique: freed by deleting the duplicate first
        Assert.Equal(4.5m, survivor.GoogleRating);
        Assert.Equal(120, survivor.GoogleReviewCount);
        Assert.Equal("https://photos.example/acme.jpg", survivor.HeroPhotoUrl);
        Assert.DoesNotContain("phone", result.FilledFields);
        Assert.Contains("googlePlaceId", result.FilledFields);
    }

    [Fact]
    public async Task Default_addresses_stay_one_billing_and_one_shipping_with_the_survivor_winning()
    {
        var (f, dup) = await TwoCompaniesAsync();
        await MergeAsync(f, dup.Id);

        await using var db = f.Services.Db();
        var addresses = await db.CompanyAddresses.Where(a => a.CompanyId == f.Company.Id).ToListAsync();
        Assert.Equal("Survivor HQ", addresses.Single(a => a.IsDefaultBilling).Label);
        // The survivor had no default shipping address, so the duplicate's stays the default.
        Assert.Equal("Duplicate HQ", addresses.Single(a => a.IsDefaultShipping).Label);
    }

    [Fact]
    public async Task Merging_a_company_into_itself_or_a_missing_one_is_refused_naming_the_field()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var merge = f.Services.Get<CompanyMerge>();

        var self = await Assert.ThrowsAsync<ValidationFailedException>(() => merge.MergeAsync(f.Company.Id, f.Company.Id, 0, 0, f.Author.Id));
        Assert.True(self.Errors.ContainsKey("duplicateId"));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => merge.PreviewAsync(f.Company.Id, "no-such-company"));
        Assert.True(missing.Errors.ContainsKey("duplicateId"));
        var gone = await Assert.ThrowsAsync<ValidationFailedException>(() => merge.MergeAsync("no-such-company", dup.Id, 0, 0, f.Author.Id));
        Assert.True(gone.Errors.ContainsKey("survivorId"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_nothing_moves()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var merge = f.Services.Get<CompanyMerge>();
        var preview = await merge.PreviewAsync(f.Company.Id, dup.Id);
        await f.Services.Get<CompanyService>().UpdateAsync(dup.Id, preview.DuplicateVersion,
            new CompanyInput("Acme Towing Co", Phone: "(512) 555-0001"), f.Other.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => merge.MergeAsync(f.Company.Id, dup.Id, preview.SurvivorVersion, preview.DuplicateVersion, f.Author.Id));

        await using var db = f.Services.Db();
        Assert.True(await db.Companies.AnyAsync(c => c.Id == dup.Id));
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.CompanyId == dup.Id));
        Assert.False(await db.Activities.AnyAsync(a => a.ActivityType == "company.merged"));
    }

    [Fact]
    public async Task A_rep_may_not_merge()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var merge = f.Services.Get<CompanyMerge>();
        var preview = await merge.PreviewAsync(f.Company.Id, dup.Id);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => merge.MergeAsync(f.Company.Id, dup.Id, preview.SurvivorVersion, preview.DuplicateVersion, f.Other.Id));
        Assert.True(refused.Errors.ContainsKey("user"));
    }

    [Fact]
    public async Task Candidates_match_by_name_prefix_then_substring_and_never_offer_the_survivor()
    {
        var (f, dup) = await TwoCompaniesAsync();
        var other = await f.Services.Get<CompanyService>().CreateAsync(new CompanyInput("Big Acme Hauling"), f.Author.Id);
        var merge = f.Services.Get<CompanyMerge>();

        var hits = await merge.CandidatesAsync(f.Company.Id, "acme");
        Assert.Equal([dup.Id, other.Id], hits.Select(h => h.Id));
        Assert.Empty(await merge.CandidatesAsync(f.Company.Id, "  "));
    }
}
