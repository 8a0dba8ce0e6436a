using Microsoft.AspNetCore.DataProtection;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// Encrypts secrets at rest (gateway passwords, signing keys, OAuth tokens, SMTP passwords) with ASP.NET Core
/// Data Protection; the keys live outside the web root (DataProtection:KeysDir). Never render a secret back:
/// show <see cref="Mask"/>.
/// </summary>
public sealed class SecretBox(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("GpsLeaders.Secrets.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    /// <summary>The last few characters, enough to recognise which key is set.</summary>
    public static string Mask(string? plain) =>
        string.IsNullOrEmpty(plain) ? "(not set)" : plain.Length <= 4 ? "••••" : "••••" + plain[^4..];
}
