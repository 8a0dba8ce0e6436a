using System.Text.RegularExpressions;

namespace GpsLeaders.Data.Platform;

/// <summary>LIKE / ILIKE patterns built from what a user typed, with its own %, _ and \ matched literally.</summary>
public static partial class LikePattern
{
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Matches values containing <paramref name="text"/>.</summary>
    public static string Contains(string text) => "%" + Escape(text) + "%";

    /// <summary>
    /// A pattern for a raw, human-formatted phone column: the typed digit groups with anything between them
    /// ("512 867-5309" → %512%867%5309%); a bare 10- or 7-digit run is split the US way so "(512) 867-5309" matches.
    /// </summary>
    public static string Phone(string query)
    {
        var groups = DigitRuns().Matches(query).Select(m => m.Value).ToList();
        if (groups is [var only])
        {
            if (only.Length == 11 && only[0] == '1') only = only[1..];
            groups = only.Length switch
            {
                10 => [only[..3], only[3..6], only[6..]],
                7 => [only[..3], only[3..]],
                _ => groups,
            };
        }
        else if (groups.Count > 1 && groups[0] == "1") groups.RemoveAt(0); // the +1 country code is rarely typed into raw phones
        return "%" + string.Join("%", groups) + "%";
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>: prefix matches as an index range.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitRuns();
}
