using System.Globalization;
using System.Text;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Companies;

/// <summary>Company-name folding for <c>companies.normalized_name</c>, the dedupe / match key.</summary>
public static class CompanyName
{
    // Trailing legal forms, compared after punctuation is gone ("L.L.C." has become "llc").
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "llc", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llp", "lp", "pllc",
    };

    /// <summary>Companies whose normalised name starts with <paramref name="key"/> (already normalised), in name order, as a range over its index.</summary>
    public static IOrderedQueryable<Company> WhereNameStartsWith(this IQueryable<Company> companies, string key)
    {
        var end = LikePattern.PrefixEnd(key);
        return companies.Where(c => c.NormalizedName.CompareTo(key) >= 0 && c.NormalizedName.CompareTo(end) < 0).OrderBy(c => c.NormalizedName);
    }

    /// <summary>
    /// Lower-cases, drops accents, turns "&amp;" into "and", deletes apostrophes and periods (so "Joe's" = "Joes",
    /// "L.L.C." = "LLC"), turns other punctuation into spaces, collapses whitespace and strips trailing legal
    /// suffixes ("Acme Towing Co., Inc." → "acme towing"). A name that is nothing but a suffix keeps it.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    continue;
                case UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber:
                    text.Append(char.ToLowerInvariant(c));
                    break;
                default:
                    if (c == '&') text.Append(" and ");
                    else if (c is not ('\'' or '’' or '.')) text.Append(' ');
                    break;
            }
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }
}
