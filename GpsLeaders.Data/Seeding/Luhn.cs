namespace GpsLeaders.Data.Seeding;

/// <summary>Luhn (mod 10) check digits, as used by IMEIs and ICCIDs.</summary>
public static class Luhn
{
    /// <summary>The digit to append to <paramref name="payload"/> (digits only) so the whole number passes Luhn.</summary>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        if (payload.IsEmpty) throw new ArgumentException("Payload is empty.", nameof(payload));
        var sum = 0;
        // The digit next to the (future) check digit is doubled, then every second one leftwards.
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = Digit(payload[i]);
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>True when <paramref name="number"/> is all digits (at least two) and its last digit is its Luhn check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        if (number.Length < 2) return false;
        foreach (var c in number) if (c is < '0' or > '9') return false;
        return CheckDigit(number[..^1]) == number[^1] - '0';
    }

    /// <summary><paramref name="payload"/> followed by its check digit.</summary>
    public static string Append(string payload) => payload + (char)('0' + CheckDigit(payload));

    private static int Digit(char c) => c is >= '0' and <= '9'
        ? c - '0'
        : throw new ArgumentException($"'{c}' is not a digit.");
}
