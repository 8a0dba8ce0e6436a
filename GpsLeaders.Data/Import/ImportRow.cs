using System.Globalization;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Import;

/// <summary>
/// One CSV row read through the column mapping, checked by the same rules as every other entry point
/// (<see cref="CompanyRules"/>, <see cref="ContactRules"/>) plus the import's own: a company name or an email,
/// a rating 0–5, a whole review count. <see cref="Problems"/> names the row and the field of each violation.
/// </summary>
public sealed class ImportRow
{
    public int RowNumber { get; }
    public string? CompanyName { get; private set; }
    public string? GooglePlaceId { get; private set; }
    public string? Phone { get; private set; }
    public string? Website { get; private set; }
    public string? Industry { get; private set; }
    public decimal? GoogleRating { get; private set; }
    public int? GoogleReviewCount { get; private set; }
    public string? HeroPhotoUrl { get; private set; }
    public string? GoogleMapsUrl { get; private set; }
    public string? About { get; private set; }
    public string? Email { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Title { get; private set; }
    public string? LinkedinUrl { get; private set; }
    public string? PlusvibeLeadId { get; private set; }
    public string? Campaign { get; private set; }

    /// <summary>Match keys: the normalised name, E.164 (else the digits) of the phone, the normalised email.</summary>
    public string? NameKey { get; private set; }
    public string PhoneKey { get; private set; } = "";
    public string? EmailKey { get; private set; }
    public string? PhoneE164 { get; private set; }

    public List<string> Problems { get; } = [];
    public bool IsValid => Problems.Count == 0;
    public bool HasContactDetails => EmailKey is not null || Phone is not null || FirstName is not null || LastName is not null;

    ImportRow(int rowNumber) => RowNumber = rowNumber;

    public static ImportRow From(CsvRecord record, ColumnMapping mapping, int headerCount)
    {
        var row = new ImportRow(record.RowNumber);
        string? Get(ImportField f)
        {
            var i = mapping.IndexOf(f);
            return i < 0 || i >= record.Values.Length || string.IsNullOrWhiteSpace(record.Values[i]) ? null : record.Values[i].Trim();
        }

        if (record.Values.Length > headerCount)
            row.Problem("columns", $"has {record.Values.Length} values but the header has {headerCount} columns (an unquoted comma inside a value?)");
        row.CompanyName = Get(ImportField.CompanyName);
        row.GooglePlaceId = Get(ImportField.GooglePlaceId);
        row.Phone = Get(ImportField.Phone);
        row.Website = Get(ImportField.Website);
        row.Industry = Get(ImportField.Industry);
        row.HeroPhotoUrl = Get(ImportField.HeroPhotoUrl);
        row.GoogleMapsUrl = Get(ImportField.GoogleMapsUrl);
        row.About = Get(ImportField.About);
        row.Email = Get(ImportField.Email);
        row.FirstName = Get(ImportField.FirstName);
        row.LastName = Get(ImportField.LastName);
        row.Title = Get(ImportField.Title);
        row.LinkedinUrl = Get(ImportField.LinkedinUrl);
        row.PlusvibeLeadId = Get(ImportField.PlusvibeLeadId);
        row.Campaign = Get(ImportField.Campaign);
        if (Get(ImportField.FullName) is { } full && row.FirstName is null && row.LastName is null)
        {
            var space = full.IndexOf(' ');
            (row.FirstName, row.LastName) = space < 0 ? (full, null) : (full[..space], full[(space + 1)..].Trim());
        }

        if (Get(ImportField.GoogleRating) is { } rating)
        {
            if (decimal.TryParse(rating, NumberStyles.Number, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 5) row.GoogleRating = Math.Round(r, 1);
            else row.Problem("googleRating", $"'{rating}' is not a rating between 0 and 5");
        }
        if (Get(ImportField.GoogleReviewCount) is { } reviews)
        {
            var digits = reviews.Replace(",", "", StringComparison.Ordinal);
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var c)) row.GoogleReviewCount = c;
            else row.Problem("googleReviewCount", $"'{reviews}' is not a whole number of reviews");
        }
        row.CheckRules();
        return row;
    }

    void CheckRules()
    {
        EmailKey = EmailAddress.Normalize(Email);
        PhoneE164 = UsPhoneNumbers.ToE164(Phone);
        PhoneKey = PhoneE164 ?? Digits(Phone);
        if (CompanyName is null && EmailKey is null)
        {
            Problem("companyName", "has neither a company name nor an email, so there is nothing to import it as");
            return;
        }
        if (CompanyName is not null)
        {
            var check = new Validation();
            CompanyRules.Apply(new Company(), CompanyInput(null), check);
            Collect(check);
            NameKey = CompanyName is null ? null : Companies.CompanyName.Normalize(CompanyName);
        }
        if (HasContactDetails)
        {
            var check = new Validation();
            ContactRules.Apply(new Contact(), ContactInput(null, null), check);
            Collect(check);
        }
    }

    void Collect(Validation check)
    {
        try { check.ThrowIfAny(); }
        catch (ValidationFailedException ex) { foreach (var (field, message) in ex.Errors) Problem(field, message); }
    }

    void Problem(string field, string message) => Problems.Add($"Row {RowNumber}, {field}: {message.TrimEnd('.')}.");

    public CompanyInput CompanyInput(string? source) => new(CompanyName, Phone, Website, Industry, Source: source);

    public ContactInput ContactInput(string? companyId, string? source) =>
        new(FirstName, LastName, Email, Phone, PhoneType: null, Title: Title, CompanyId: companyId, LinkedinUrl: LinkedinUrl, Source: source);

    /// <summary>A digits-only phone for numbers that are not valid US numbers, so they still compare equal to themselves.</summary>
    public static string Digits(string? phone) => phone is null ? "" : new string(phone.Where(char.IsAsciiDigit).ToArray());

    public static string PhoneKeyOf(string? phone) => UsPhoneNumbers.ToE164(phone) ?? Digits(phone);
}
