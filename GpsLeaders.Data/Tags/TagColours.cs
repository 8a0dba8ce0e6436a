using System.Globalization;

namespace GpsLeaders.Data.Tags;

/// <summary>A tag is shown in its own colour (set in Settings → Tags); its text is black or white, whichever reads better on it.</summary>
public static class TagColours
{
    /// <summary>The text colour for a tag chip on <paramref name="hex"/> (#rgb or #rrggbb); null when the colour is not one.</summary>
    public static string? TextOn(string? hex)
    {
        if (hex is null || !hex.StartsWith('#')) return null;
        var digits = hex[1..];
        if (digits.Length == 3) digits = string.Concat(digits.Select(c => $"{c}{c}"));
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)) return null;
        // WCAG relative luminance; white text wins only where it has the larger contrast ratio.
        static double Channel(int v) { var c = v / 255.0; return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4); }
        var l = 0.2126 * Channel(rgb >> 16 & 0xFF) + 0.7152 * Channel(rgb >> 8 & 0xFF) + 0.0722 * Channel(rgb & 0xFF);
        return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#111827";
    }
}
