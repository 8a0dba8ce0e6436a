using System.Security.Cryptography;
using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Bookings;

/// <summary>
/// The Cal.com webhook secret. Kept in <c>settings</c> under <see cref="SecretKey"/> as a JSON string holding the
/// Data Protection cipher text (<see cref="SecretBox"/>), never the secret itself; screens only get it masked.
/// </summary>
public sealed class CalcomSettings(IDbContextFactory<CrmDbContext> dbs, SecretBox secrets)
{
    public const string SecretKey = "calcom.webhookSecret";

    /// <summary>The secret to check signatures with, or null when none is set (then every delivery is refused).</summary>
    public async Task<string?> SecretAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var value = await db.Settings.Where(s => s.Key == SecretKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (value is null || JsonSerializer.Deserialize<string>(value) is not { Length: > 0 } cipher) return null;
        try { return secrets.Unprotect(cipher); }
        catch (CryptographicException) { return null; } // keys lost or rotated away: the admin sets it again
    }

    /// <summary>"••••abcd" or "(not set)", for the settings page.</summary>
    public async Task<string> MaskedAsync(CancellationToken ct = default) => SecretBox.Mask(await SecretAsync(ct));

    /// <summary>Sets or replaces the secret (the same one pasted into Cal.com's webhook form).</summary>
    public async Task SetSecretAsync(string? secret, string actingUserId, CancellationToken ct = default)
    {
        var plain = secret?.Trim() ?? "";
        if (plain.Length < 16) throw new ValidationFailedException("secret", "Use a secret of at least 16 characters (Cal.com accepts any text; longer is safer).");
        if (plain.Length > 200) throw new ValidationFailedException("secret", "A secret can be at most 200 characters.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var json = JsonSerializer.Serialize(secrets.Protect(plain));
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SecretKey, ct);
        var replaced = setting is not null;
        if (setting is null) db.Settings.Add(new Setting { Key = SecretKey, Value = json });
        else setting.Value = json;
        // The detail names the change, never the secret.
        db.Record("settings.calcom_secret_set", replaced ? "Cal.com webhook secret replaced." : "Cal.com webhook secret set.",
            new { key = SecretKey, replaced, masked = SecretBox.Mask(plain) }, userId: actingUserId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A fresh random secret an admin can paste into both places.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
