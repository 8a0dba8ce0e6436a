using PhoneNumbers;

namespace GpsLeaders.Data.Contacts;

/// <summary>How a number's line is classed by libphonenumber's metadata.</summary>
public enum PhoneLineType { Unknown, Mobile, FixedLine, FixedLineOrMobile, Voip, TollFree, Other }

/// <summary>
/// What a typed phone number turned out to be. <see cref="E164"/> is null when it is not a usable number, and then
/// <see cref="Problem"/> says why in words the UI can show ("555-01xx numbers are fictional").
/// </summary>
public sealed record PhoneCheck(string? E164, PhoneLineType LineType, string? TimeZone, string? Extension, string? Problem)
{
    public static readonly PhoneCheck Blank = new(null, PhoneLineType.Unknown, null, null, null);

    public bool IsValid => E164 is not null;

    /// <summary>
    /// The <c>contacts.phone_type</c> value the number itself proves, or null when the library cannot tell (most US
    /// numbers are "fixed line or mobile"), so what the person chose stands.
    /// </summary>
    public string? PhoneType => LineType switch
    {
        // An extension reaches a switchboard, and a toll-free line cannot take texts from the gateway.
        _ when Extension is not null => "landline",
        PhoneLineType.Mobile => "mobile",
        PhoneLineType.FixedLine or PhoneLineType.TollFree => "landline",
        PhoneLineType.Voip => "voip",
        _ => null,
    };
}

/// <summary>
/// Phone numbers read the way a US business types them (libphonenumber with the US as the default region): E.164,
/// line type, time zone; plus generating plausible US numbers for seed data.
/// </summary>
public static class UsPhoneNumbers
{
    public const string FictionalProblem = "555-01xx numbers are fictional";
    public const string NotANumberProblem = "not a phone number";
    public const string NotUsProblem = "not a valid US number";

    static readonly PhoneNumberUtil Library = PhoneNumberUtil.GetInstance();
    static readonly PhoneNumberToTimeZonesMapper Zones = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <summary>
    /// Reads a typed number ("(512) 555-2368", "512.555.2368", "+1 512 555 2368", "1-800-FLOWERS", "+44 20 7946 0958",
    /// "… x12"): +1 is assumed without a country code; a valid number of any country gets its E.164 form (the gateway
    /// sends to E.164). Invalid numbers and the fictional 555-0100…0199 block get no E.164 and a problem.
    /// </summary>
    public static PhoneCheck Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return PhoneCheck.Blank;
        PhoneNumber number;
        try { number = Library.Parse(raw.Trim(), "US"); }
        catch (NumberParseException) { return new PhoneCheck(null, PhoneLineType.Unknown, null, null, NotANumberProblem); }
        var extension = number.HasExtension && number.Extension.Length > 0 ? number.Extension : null;
        if (!Library.IsValidNumber(number))
        {
            var problem = number.CountryCode == 1 ? NotUsProblem : $"not a valid number for +{number.CountryCode}";
            return new PhoneCheck(null, PhoneLineType.Unknown, null, extension, problem);
        }
        var e164 = Library.Format(number, PhoneNumberFormat.E164);
        // A fictional number still says where its area code is, which is all the contact's clock needs.
        if (IsFictional(e164)) return new PhoneCheck(null, PhoneLineType.Unknown, TimeZoneOf(number), extension, FictionalProblem);
        return new PhoneCheck(e164, LineTypeOf(Library.GetNumberType(number)), TimeZoneOf(number), extension, null);
    }

    /// <summary>The E.164 form of a typed number, or null when blank or not valid (the caller keeps the raw text and flags it).</summary>
    public static string? ToE164(string? raw) => Check(raw).E164;

    /// <summary>True for a valid number written in E.164 ("+" and digits only) that is not in the fictional 555-01xx block.</summary>
    public static bool IsValidE164(string? e164) =>
        e164 is { Length: > 1 } && e164[0] == '+' && !e164.AsSpan(1).ContainsAnyExcept("0123456789") && Check(e164).E164 == e164;

    /// <summary>
    /// The IANA zone of a number (E.164 or as typed): libphonenumber's when it names exactly one, else the area-code table
    /// (several US codes span two zones in the library, e.g. 605 and 701); null when neither knows.
    /// </summary>
    public static string? TimeZoneOf(string? phone) => Check(phone).TimeZone;

    static string? TimeZoneOf(PhoneNumber number)
    {
        var zones = Zones.GetTimeZonesForNumber(number);
        if (zones.Count == 1 && zones[0] != "Etc/Unknown") return zones[0];
        if (number.CountryCode != 1) return null;
        var national = Library.GetNationalSignificantNumber(number);
        return national.Length == 10 ? AreaCodeTimeZones.ForAreaCode(national[..3]) : null;
    }

    static PhoneLineType LineTypeOf(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE => PhoneLineType.Mobile,
        PhoneNumberType.FIXED_LINE => PhoneLineType.FixedLine,
        PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneLineType.FixedLineOrMobile,
        PhoneNumberType.VOIP => PhoneLineType.Voip,
        PhoneNumberType.TOLL_FREE => PhoneLineType.TollFree,
        PhoneNumberType.UNKNOWN => PhoneLineType.Unknown,
        _ => PhoneLineType.Other,
    };

    // The library accepts 555-0100…0199, but that block is reserved for fiction: such a number never rings anyone.
    static bool IsFictional(string e164) =>
        e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal) && e164.AsSpan(5, 5).SequenceEqual("55501");

    /// <summary>A valid number in <paramref name="areaCode"/> (or a random listed state area code) with a dialable exchange.</summary>
    public static string Generate(Random random, string? areaCode = null)
    {
        if (areaCode is not null && !AreaCodeTimeZones.All.ContainsKey(areaCode))
            throw new ArgumentException($"'{areaCode}' is not a listed US area code.", nameof(areaCode));
        for (var attempt = 0; ; attempt++)
        {
            // The table lists a few new overlays the library's metadata does not know yet: draw again on those.
            var code = areaCode ?? AreaCodeTimeZones.StateAreaCodes[random.Next(AreaCodeTimeZones.StateAreaCodes.Count)];
            int exchange;
            do exchange = random.Next(200, 1000);
            while (!IsAssignableExchange(exchange));
            var e164 = $"+1{code}{exchange:D3}{random.Next(10_000):D4}";
            if (IsValidE164(e164)) return e164;
            if (attempt == 100) throw new ArgumentException($"No valid number found in area code {code}.", nameof(areaCode));
        }
    }

    /// <summary>Skips N11 service codes, 555 (directory and fiction) and exchanges kept for tests or premium lines.</summary>
    internal static bool IsAssignableExchange(int exchange) =>
        exchange is >= 200 and <= 999 && exchange % 100 != 11 && exchange is not (555 or 950 or 958 or 959 or 976);

    /// <summary>"(512) 555-2368" style, the way people type US numbers into the raw <c>phone</c> column.</summary>
    public static string FormatNational(string e164) => e164.StartsWith("+1", StringComparison.Ordinal) && IsValidE164(e164)
        ? PhoneDisplay.Format(e164)
        : throw new ArgumentException($"'{e164}' is not a valid North American E.164 number.", nameof(e164));
}

/// <summary>How a phone is shown to people.</summary>
public static class PhoneDisplay
{
    static readonly PhoneNumberUtil Library = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// "(317) 245-9654" for North American numbers (dialled from the US without a country code), "+44 20 7946 0958"
    /// for others, with " ext. 12" when typed with one; a number that is not valid is shown as typed.
    /// </summary>
    public static string Format(string? e164OrRaw)
    {
        if (string.IsNullOrWhiteSpace(e164OrRaw)) return "";
        var text = e164OrRaw.Trim();
        try
        {
            var number = Library.Parse(text, "US");
            if (!Library.IsValidNumber(number)) return text;
            return Library.Format(number, number.CountryCode == 1 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException) { return text; }
    }

    /// <summary>
    /// Why a contact's valid number cannot take texts, in words ("landline: cannot text"), or null when it can (or when
    /// there is no valid number: that problem is <see cref="PhoneCheck.Problem"/>).
    /// </summary>
    public static string? SmsProblem(string? e164, string? phoneType, bool smsEligible) =>
        e164 is null || smsEligible ? null
        : phoneType switch
        {
            "mobile" => "opted out of texts",
            "landline" => "landline: cannot text",
            "voip" => "VoIP: cannot text",
            null => "not marked as a mobile: cannot text",
            var other => $"{other}: cannot text",
        };
}
