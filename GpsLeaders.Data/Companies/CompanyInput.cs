using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Companies;

/// <summary>The editable facts of a company, as a form, a new lead or an import row gives them.</summary>
public sealed record CompanyInput(
    string? Name,
    string? Phone = null,
    string? Website = null,
    string? Industry = null,
    string? IcpTag = null,
    int? FleetSize = null,
    CompanyStatus Status = CompanyStatus.LEAD,
    string? AssignedRepId = null,
    string? Source = null,
    string? OwnerName = null,
    string? SalesNote = null,
    bool Taxable = true);

/// <summary>The company rules of every entry point: a name (normalised into the match key), sane firmographics.</summary>
public static class CompanyRules
{
    public static void Apply(Company company, CompanyInput input, Validation check)
    {
        var name = Clean(input.Name);
        check.Require("name", name, "Company name");
        if (name is not null && CompanyName.Normalize(name).Length == 0)
            check.Add("name", $"'{name}' has nothing left to match on once punctuation and legal suffixes are removed.");
        if (input.FleetSize is < 0 or > 1_000_000) check.Add("fleetSize", "Fleet size must be between 0 and 1,000,000 vehicles.");
        var website = Clean(input.Website);
        if (website is not null && !LooksLikeWebsite(website)) check.Add("website", $"'{website}' is not a web address.");

        company.Name = name ?? "";
        company.NormalizedName = name is null ? "" : CompanyName.Normalize(name);
        company.Phone = Clean(input.Phone);
        company.Website = website;
        company.Industry = Clean(input.Industry);
        company.IcpTag = Clean(input.IcpTag);
        company.FleetSize = input.FleetSize;
        company.Status = input.Status;
        company.AssignedRepId = Clean(input.AssignedRepId);
        company.Source ??= Clean(input.Source);
        company.OwnerName = Clean(input.OwnerName);
        company.SalesNote = Clean(input.SalesNote);
        company.Taxable = input.Taxable;
    }

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static bool LooksLikeWebsite(string value)
    {
        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.');
    }
}
