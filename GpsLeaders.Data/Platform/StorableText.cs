using System.Text;
using System.Text.RegularExpressions;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// Text from outside (webhooks, mail) made storable: PostgreSQL text and jsonb refuse U+0000 and unpaired surrogates,
/// and a refused write is a 500 that the sender retries for days. NULs are dropped, lone surrogates become U+FFFD.
/// </summary>
public static partial class StorableText
{
    public const string TruncationMarker = " […truncated]";

    public static string? Clean(string? text)
    {
        if (text is null || !NeedsCleaning(text)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return clean.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters; a longer text keeps its start and says it was cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var keep = max - TruncationMarker.Length;
        // Never split a surrogate pair at the cut.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + TruncationMarker;
    }

    /// <summary>
    /// Raw JSON for a jsonb column: the escapes jsonb refuses (\u0000, unpaired \uD800–\uDFFF) become \uFFFD.
    /// An escaped backslash before "u0000" is text, not an escape, and is left alone.
    /// </summary>
    public static string CleanJson(string json) =>
        json.Contains("\\u", StringComparison.Ordinal) ? UnstorableEscape().Replace(json, m => m.Groups[1].Value + "\\ufffd") : json;

    static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
            if (c == '\0' || char.IsSurrogate(c)) return true; // pairs are rare enough to check slowly
        return false;
    }

    [GeneratedRegex(@"(?<!\\)((?:\\\\)*)(?:\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial Regex UnstorableEscape();
}
