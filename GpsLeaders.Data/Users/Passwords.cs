using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace GpsLeaders.Data.Users;

/// <summary>
/// Password hashing (ASP.NET Core's PBKDF2 hasher) and the invitation marker. An invited user has no
/// password yet, so <c>password_hash</c> (NOT NULL in V2) holds <c>!invite:&lt;expiry&gt;:&lt;sha256 of token&gt;</c>
/// instead: it can never verify as a password, and the token itself is never stored.
/// </summary>
public static class Passwords
{
    public const int MinLength = 10;
    public const string InvitePrefix = "!invite:";
    static readonly PasswordHasher<User> Hasher = new();
    static readonly User Nobody = new() { Id = "nobody", Email = "", FirstName = "", LastName = "", PasswordHash = "" };
    // A real hash of a random password: verifying against it costs what a real check costs and never succeeds.
    static readonly string DummyHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static PasswordVerificationResult Verify(User user, string password) =>
        IsInvitation(user.PasswordHash) ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    /// <summary>A refused sign-in that had no real hash to check (unknown email, invited, locked) does the same work anyway.</summary>
    public static void VerifyNothing(string password) => Hasher.VerifyHashedPassword(Nobody, DummyHash, password);

    public static string? Problem(string? password, string? confirmation)
    {
        if (string.IsNullOrEmpty(password)) return "Password is required.";
        if (password.Length < MinLength) return $"Password must be at least {MinLength} characters.";
        if (password != confirmation) return "Passwords do not match.";
        return null;
    }

    public static bool IsInvitation(string passwordHash) => passwordHash.StartsWith(InvitePrefix, StringComparison.Ordinal);

    /// <summary>A fresh 256-bit URL-safe token and the marker to store in its place.</summary>
    public static (string Token, string Marker) NewInvitation(DateTime expiresAtUtc)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, $"{InvitePrefix}{new DateTimeOffset(expiresAtUtc).ToUnixTimeSeconds()}:{Digest(token)}");
    }

    /// <summary>True when <paramref name="token"/> matches the stored marker and it has not expired.</summary>
    public static bool InvitationMatches(string passwordHash, string? token, DateTime nowUtc)
    {
        if (!IsInvitation(passwordHash) || string.IsNullOrEmpty(token)) return false;
        var parts = passwordHash[InvitePrefix.Length..].Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], out var expires)) return false;
        if (DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime <= nowUtc) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), Encoding.ASCII.GetBytes(Digest(token)));
    }

    static string Digest(string token) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
