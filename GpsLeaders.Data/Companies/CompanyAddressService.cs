using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Companies;

public sealed record AddressInput(
    string? Label, AddressType Type, string? AddressLine1, string? AddressLine2, string? City, string? State, string? Zip,
    string? Country = "US", string? Notes = null, bool IsDefaultBilling = false, bool IsDefaultShipping = false);

/// <summary>
/// A company's addresses. At most one default billing and one default shipping address per company: making one
/// the default takes the flag from the others in the same transaction (a company row lock serialises two editors).
/// </summary>
public sealed class CompanyAddressService(IDbContextFactory<CrmDbContext> dbs)
{
    public static readonly string[] UsStates =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
        "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
        "WV", "WI", "WY", "PR",
    ];

    /// <summary>Adds an address (<paramref name="addressId"/> null) or edits one opened at <paramref name="version"/>.</summary>
    public async Task<CompanyAddress> SaveAsync(string companyId, string? addressId, uint version, AddressInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var company = await db.Companies.FromSql($"SELECT *, xmin FROM companies WHERE id = {companyId} FOR UPDATE").FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("company", "This company no longer exists.");
        CompanyAddress address;
        if (addressId is null)
        {
            address = new CompanyAddress { CompanyId = companyId };
            db.CompanyAddresses.Add(address);
        }
        else
        {
            address = await db.CompanyAddresses.FirstOrDefaultAsync(a => a.Id == addressId && a.CompanyId == companyId, ct)
                ?? throw new ValidationFailedException("address", "This address no longer exists.");
            db.Entry(address).Property(a => a.Version).OriginalValue = version;
        }
        Apply(address, input);
        var others = await db.CompanyAddresses.Where(a => a.CompanyId == companyId && a.Id != address.Id).ToListAsync(ct);
        foreach (var other in others)
        {
            if (address.IsDefaultBilling) other.IsDefaultBilling = false;
            if (address.IsDefaultShipping) other.IsDefaultShipping = false;
        }
        db.Record(addressId is null ? "company.address_added" : "company.address_updated",
            $"{(addressId is null ? "Added" : "Edited")} the {address.Type.ToString().ToLowerInvariant()} address {address.Label} of {company.Name}.",
            new { address.Label, Type = address.Type.ToString(), address.AddressLine1, address.City, address.State, address.Zip, address.IsDefaultBilling, address.IsDefaultShipping },
            userId: actingUserId, companyId: companyId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("address"); }
        await db.PublishAsync(new LiveEvent(CompanyService.ChangedEvent, companyId), ct);
        await tx.CommitAsync(ct);
        return address;
    }

    /// <summary>Removes an address; one that an invoice bills or ships to is kept (the invoice must stay printable).</summary>
    public async Task DeleteAsync(string addressId, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var address = await db.CompanyAddresses.FirstOrDefaultAsync(a => a.Id == addressId, ct)
            ?? throw new ValidationFailedException("address", "This address no longer exists.");
        if (await db.Invoices.AnyAsync(i => i.BillToAddressId == addressId || i.ShipToAddressId == addressId, ct))
            throw new ValidationFailedException("address", $"{address.Label} is on an invoice and cannot be deleted; edit it instead.");
        db.CompanyAddresses.Remove(address);
        db.Record("company.address_deleted", $"Deleted the address {address.Label}.", new { address.Label, address.AddressLine1, address.City },
            userId: actingUserId, companyId: address.CompanyId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(CompanyService.ChangedEvent, address.CompanyId), ct);
    }

    static readonly string[] UsStateNames =
    [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "District of Columbia", "Florida",
        "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
        "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
        "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
        "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
    ];

    /// <summary>The two-letter code of a state written out ("Texas" → TX, as scrapes often do), else the text unchanged.</summary>
    public static string StateCode(string state)
    {
        var i = Array.FindIndex(UsStateNames, n => string.Equals(n, state.Trim(), StringComparison.OrdinalIgnoreCase));
        return i < 0 ? state : UsStates[i];
    }

    /// <summary>Checks <paramref name="input"/> by the address rules (the import checks rows with it too) and copies it onto <paramref name="address"/>.</summary>
    internal static void Apply(CompanyAddress address, AddressInput input)
    {
        var check = new Validation();
        var label = Clean(input.Label) ?? input.Type switch { AddressType.BILLING => "Billing", AddressType.SHIPPING => "Shipping", _ => "Main" };
        var line1 = Clean(input.AddressLine1);
        var city = Clean(input.City);
        var state = Clean(input.State)?.ToUpperInvariant();
        var zip = Clean(input.Zip);
        var country = Clean(input.Country)?.ToUpperInvariant() ?? "US";
        check.Require("addressLine1", line1, "Street address").Require("city", city, "City").Require("state", state, "State").Require("zip", zip, "ZIP code");
        if (country == "US")
        {
            if (state is not null && !UsStates.Contains(state)) check.Add("state", $"'{state}' is not a US state code (e.g. TX).");
            if (zip is not null && !System.Text.RegularExpressions.Regex.IsMatch(zip, @"^\d{5}(-\d{4})?$")) check.Add("zip", $"'{zip}' is not a US ZIP code (12345 or 12345-6789).");
        }
        if (input.IsDefaultBilling && input.Type == AddressType.SHIPPING) check.Add("isDefaultBilling", "A shipping-only address cannot be the default billing address.");
        if (input.IsDefaultShipping && input.Type == AddressType.BILLING) check.Add("isDefaultShipping", "A billing-only address cannot be the default shipping address.");
        check.ThrowIfAny();
        address.Label = label;
        address.Type = input.Type;
        address.AddressLine1 = line1!;
        address.AddressLine2 = Clean(input.AddressLine2);
        address.City = city!;
        address.State = state!;
        address.Zip = zip!;
        address.Country = country;
        address.Notes = Clean(input.Notes);
        address.IsDefaultBilling = input.IsDefaultBilling;
        address.IsDefaultShipping = input.IsDefaultShipping;
    }

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
