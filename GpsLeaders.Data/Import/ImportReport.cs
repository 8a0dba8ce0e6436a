using System.Globalization;
using System.Text;

namespace GpsLeaders.Data.Import;

public enum RowOutcome { Created, Merged, Rejected }

/// <summary>What happened to one CSV row, and why, with the row's key columns for the report.</summary>
public sealed record RowResult(int RowNumber, RowOutcome Outcome, string Reason, string? CompanyName, string? Email, string? Phone,
    string? GooglePlaceId, string? CompanyId = null, string? ContactId = null, string? LeadId = null);

/// <summary>How far an import is: rows done of the total, and the counts so far.</summary>
public sealed record ImportProgress(int Done, int Total, int Created, int Merged, int Rejected)
{
    public double Percent => Total == 0 ? 100 : Math.Round(100.0 * Done / Total, 1);
}

/// <summary>The outcome of a whole import: every row's result (none dropped) and what was written.</summary>
public sealed record ImportResult(string FileName, string Source, IReadOnlyList<RowResult> Rows, int CompaniesCreated, int ContactsCreated,
    int LeadsCreated, TimeSpan Elapsed)
{
    public int Created => Rows.Count(r => r.Outcome == RowOutcome.Created);
    public int Merged => Rows.Count(r => r.Outcome == RowOutcome.Merged);
    public int Rejected => Rows.Count(r => r.Outcome == RowOutcome.Rejected);
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? Rows.Count : Rows.Count / Elapsed.TotalSeconds;
}

/// <summary>The downloadable report: one CSV line per row of the imported file, in file order, with its outcome and reason.</summary>
public static class ImportReport
{
    public static readonly string[] Columns = ["row", "outcome", "reason", "company_name", "email", "phone", "google_place_id", "company_id", "contact_id", "lead_id"];

    public static byte[] ToCsv(ImportResult result)
    {
        var text = new StringBuilder(result.Rows.Count * 120);
        text.Append(CsvText.Line(Columns)).Append("\r\n");
        foreach (var r in result.Rows.OrderBy(r => r.RowNumber))
            text.Append(CsvText.Line([
                r.RowNumber.ToString(CultureInfo.InvariantCulture), r.Outcome.ToString().ToLowerInvariant(), r.Reason,
                Safe(r.CompanyName), Safe(r.Email), Safe(r.Phone), Safe(r.GooglePlaceId), r.CompanyId, r.ContactId, r.LeadId,
            ])).Append("\r\n");
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A value starting with = + - @ would run as a formula when the report is opened in a spreadsheet.</summary>
    static string? Safe(string? value) => value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' && !IsPhoneLike(value) ? "'" + value : value;

    static bool IsPhoneLike(string value) => value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');
}
