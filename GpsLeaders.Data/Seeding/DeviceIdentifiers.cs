namespace GpsLeaders.Data.Seeding;

/// <summary>IMEIs for GL300-class trackers: 8-digit TAC + 6-digit serial + Luhn digit (15 digits).</summary>
public static class Imei
{
    /// <summary>Invented TAC for demo GL300 units ("86" = a reporting body that allocates many Chinese module makers' TACs).</summary>
    public const string Gl300Tac = "86244806";

    /// <summary>The IMEI for serial <paramref name="serial"/> (0–999,999) under <paramref name="tac"/>: distinct serials give distinct IMEIs.</summary>
    public static string FromSerial(int serial, string tac = Gl300Tac)
    {
        if (tac.Length != 8 || !tac.All(char.IsAsciiDigit)) throw new ArgumentException("A TAC is 8 digits.", nameof(tac));
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        return Luhn.Append(tac + serial.ToString("D6"));
    }

    public static string Generate(Random random, string tac = Gl300Tac) => FromSerial(random.Next(1_000_000), tac);

    public static bool IsValid(string? imei) => imei is { Length: 15 } && Luhn.IsValid(imei);
}

/// <summary>SIM ICCIDs: "89" (telecom) + "01" (US) + issuer + account + Luhn digit, 19 or 20 digits.</summary>
public static class Iccid
{
    /// <summary>Issuer prefixes after "8901", per carrier slug (AT&T's 8901410… and T-Mobile's 8901260… are real; the Verizon one is a stand-in).</summary>
    public static readonly IReadOnlyDictionary<string, string> IssuerByCarrier = new Dictionary<string, string>
    {
        ["att"] = "410",
        ["t-mobile"] = "260",
        ["verizon"] = "480",
    };

    /// <summary>The ICCID for account number <paramref name="account"/> at <paramref name="carrierSlug"/>; distinct accounts give distinct ICCIDs.</summary>
    public static string FromAccount(string carrierSlug, long account, int length = 20)
    {
        if (length is not (19 or 20)) throw new ArgumentOutOfRangeException(nameof(length), "ICCIDs here are 19 or 20 digits.");
        if (!IssuerByCarrier.TryGetValue(carrierSlug, out var issuer)) throw new ArgumentException($"Unknown carrier '{carrierSlug}'.", nameof(carrierSlug));
        var prefix = "8901" + issuer;
        var accountDigits = length - 1 - prefix.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(account);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, (long)Math.Pow(10, accountDigits));
        return Luhn.Append(prefix + account.ToString("D" + accountDigits));
    }

    public static string Generate(Random random, string carrierSlug, int length = 20) =>
        FromAccount(carrierSlug, random.NextInt64((long)Math.Pow(10, length - 8)), length);

    public static bool IsValid(string? iccid) =>
        iccid is { Length: 19 or 20 } && iccid.StartsWith("8901", StringComparison.Ordinal) && Luhn.IsValid(iccid);
}
