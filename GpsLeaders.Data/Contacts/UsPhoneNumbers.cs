
namespace GpsLeaders.Data.Contacts;

/// <summary>US (NANP) numbers in E.164 form, "+1" + NPA + NXX + XXXX: parsing what people type, and generating plausible ones.</summary>
public static class UsPhoneNumbers
{
    /// <summary>
    /// The E.164 form of a typed number ("(512) 555-2368", "512.555.2368", "+1 512 555 2368", "1-512-…"; an
    /// extension after x/ext is ignored), with +1 assumed when no country code is given; null when blank or not a
    /// valid US number, so the caller keeps the raw text and flags it.
    /// </summary>
    public static string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        var ext = text.IndexOfAny(['x', 'X', '#']);
        if (ext > 0) text = text[..ext];
        else if (text.IndexOf("ext", StringComparison.OrdinalIgnoreCase) is > 0 and var e) text = text[..e];
        Span<char> digits = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) digits[n++] = c;
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '/' or '\u00A0')) return null; // letters: not a phone number
        }
        var national = n switch
        {
            10 => new string(digits[..10]),
            11 when digits[0] == '1' => new string(digits[1..11]),
            _ => null,
        };
        if (national is null) return null;
        var e164 = "+1" + national;
        return IsValidE164(e164) ? e164 : null;
    }

    /// <summary>A number in <paramref name="areaCode"/> (or a random listed state area code) with a dialable exchange.</summary>
    public static string Generate(Random random, string? areaCode = null)
    {
        areaCode ??= AreaCodeTimeZones.StateAreaCodes[random.Next(AreaCodeTimeZones.StateAreaCodes.Count)];
        if (!AreaCodeTimeZones.All.ContainsKey(areaCode)) throw new ArgumentException($"'{areaCode}' is not a listed US area code.", nameof(areaCode));
        int exchange;
        do exchange = random.Next(200, 1000);
        while (!IsAssignableExchange(exchange));
        return $"+1{areaCode}{exchange:D3}{random.Next(10_000):D4}";
    }

    /// <summary>Skips N11 service codes, 555 (directory and fiction) and exchanges kept for tests or premium lines.</summary>
    internal static bool IsAssignableExchange(int exchange) =>
        exchange is >= 200 and <= 999 && exchange % 100 != 11 && exchange is not (555 or 950 or 958 or 959 or 976);

    /// <summary>
    /// True for "+1" followed by a listed US area code, an exchange 200–999 that is not N11,
    /// and a line number that is not in the fictional 555-0100…0199 block.
    /// </summary>
    public static bool IsValidE164(string? e164)
    {
        if (e164 is not { Length: 12 } || !e164.StartsWith("+1", StringComparison.Ordinal)) return false;
        var national = e164.AsSpan(2);
        foreach (var c in national) if (!char.IsAsciiDigit(c)) return false;
        if (!AreaCodeTimeZones.All.ContainsKey(new string(national[..3]))) return false;
        var exchange = national[3..6];
        if (exchange[0] < '2' || exchange is "211" or "311" or "411" or "511" or "611" or "711" or "811" or "911") return false;
        return !(exchange is "555" && national[6..8] is "01");
    }

    /// <summary>"(512) 555-2368" style, the way people type numbers into the raw <c>phone</c> column.</summary>
    public static string FormatNational(string e164) => IsValidE164(e164)
        ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}"
        : throw new ArgumentException($"'{e164}' is not a valid US E.164 number.", nameof(e164));
}
