using System.Globalization;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Import;

/// <summary>
/// One CSV row read through the column mapping, checked by the same rules as every other entry point
/// (<see cref="CompanyRules"/>, <see cref="ContactRules"/>) plus the import's own: a company name or an email,
/// a rating 0–5, a whole review count. <see cref="Problems"/> names the row and the field of each violation (the row is
/// rejected); <see cref="Warnings"/> name what is imported with a flag (a phone that is not a usable number, a row that
/// repeats an earlier one) or left out while the rest of the row is kept (a bad email, an incomplete address).
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

    /// <summary>The company address the row gives (all four parts valid), else null.</summary>
    public AddressInput? Address { get; private set; }

    /// <summary>Match keys: the normalised name, E.164 (else the digits) of the phone, the normalised email.</summary>
    public string? NameKey { get; private set; }
    public string PhoneKey { get; private set; } = "";
    public string? EmailKey { get; private set; }
    public string? PhoneE164 { get; private set; }

    public List<string> Problems { get; } = [];
    public List<string> Warnings { get; } = [];
    public bool IsValid => Problems.Count == 0;
    public bool HasContactDetails => EmailKey is not null || Phone is not null || FirstName is not null || LastName is not null;

    /// <summary>The row names a person (a name or an email): only then may it create a contact beside a company it matched.</summary>
    public bool NamesAPerson => EmailKey is not null || FirstName is not null || LastName is not null;

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
        row.ReadAddress(Get(ImportField.AddressLine1), Get(ImportField.AddressLine2), Get(ImportField.City), Get(ImportField.State), Get(ImportField.Zip));
        row.CheckRules();
        return row;
    }

    void ReadAddress(string? line1, string? line2, string? city, string? state, string? zip)
    {
        if (line1 is null && line2 is null && city is null && state is null && zip is null) return;
        // Excel drops the leading zero of New England ZIP codes (02134 → 2134).
        if (zip is { Length: 4 } && zip.All(char.IsAsciiDigit)) zip = "0" + zip;
        var input = new AddressInput("Main", AddressType.BOTH, line1, line2, city, state is null ? null : CompanyAddressService.StateCode(state), zip,
            IsDefaultBilling: true, IsDefaultShipping: true);
        try
        {
            CompanyAddressService.Apply(new CompanyAddress(), input);
            Address = input;
        }
        catch (ValidationFailedException ex)
        {
            Warn("address", $"{string.Join(", ", ex.Errors.Values.Select(m => m.TrimEnd('.')))} (imported without the address)");
        }
    }

    void CheckRules()
    {
        EmailKey = EmailAddress.Normalize(Email);
        if (Email is not null && !ContactRules.LooksLikeEmail(EmailKey!))
        {
            // A bad email costs the row its email only: the company, contact and lead are still worth having.
            if (CompanyName is not null)
                Warn("email", $"not an email address ('{Email}', imported without it)");
            else Problem("email", $"not an email address ('{Email}'), and the row has no company name to import instead");
            (Email, EmailKey) = (null, null);
        }
        var phone = UsPhoneNumbers.Check(Phone);
        PhoneE164 = phone.E164;
        PhoneKey = PhoneE164 ?? Digits(Phone);
        if (phone.Problem is not null) Warn("phone", $"{phone.Problem} (kept as typed, not callable or textable)");
        if (CompanyName is null && EmailKey is null)
        {
            if (Problems.Count == 0) Problem("companyName", "has neither a company name nor an email, so there is nothing to import it as");
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

    void Warn(string field, string message) => Warnings.Add($"{field}: {message.TrimEnd('.')}");

    /// <summary>Flags rows that repeat an earlier row of the same file (they merge into what that row created).</summary>
    public sealed class InFileDuplicates
    {
        readonly Dictionary<string, (int Row, bool HasPlaceId)> _seen = new(StringComparer.Ordinal);

        public void Flag(ImportRow row)
        {
            if (!row.IsValid) return;
            var hasPlaceId = row.GooglePlaceId is not null;
            string? Earlier(string key, string what)
            {
                if (!_seen.TryGetValue(key, out var first)) { _seen[key] = (row.RowNumber, hasPlaceId); return null; }
                // Same name and phone under two place ids is two branches of a chain: the import keeps both, so no flag.
                return key.StartsWith("name|", StringComparison.Ordinal) && first.HasPlaceId && hasPlaceId ? null : $"same {what} as row {first.Row}";
            }
            var said = new List<string?>
            {
                row.GooglePlaceId is null ? null : Earlier("place|" + row.GooglePlaceId, "Google place id"),
                row.NameKey is null ? null : Earlier("name|" + row.NameKey + "|" + row.PhoneKey, row.PhoneKey.Length > 0 ? "company and phone" : "company (no phone)"),
                row.EmailKey is null ? null : Earlier("email|" + row.EmailKey, "email"),
            };
            if (said.FirstOrDefault(s => s is not null) is { } first) row.Warnings.Add($"duplicate: {first} (merged into it)");
        }
    }

    public CompanyInput CompanyInput(string? source) => new(CompanyName, Phone, Website, Industry, Source: source);

    public ContactInput ContactInput(string? companyId, string? source) =>
        new(FirstName, LastName, Email, Phone, PhoneType: null, Title: Title, CompanyId: companyId, LinkedinUrl: LinkedinUrl, Source: source);

    /// <summary>A digits-only phone for numbers that are not valid US numbers, so they still compare equal to themselves.</summary>
    public static string Digits(string? phone) => phone is null ? "" : new string(phone.Where(char.IsAsciiDigit).ToArray());

    public static string PhoneKeyOf(string? phone) => UsPhoneNumbers.ToE164(phone) ?? Digits(phone);
}
