namespace GpsLeaders.Data.Users;

/// <summary>
/// One signed-in browser (table <c>user_sessions</c>, beyond V2, migration 0005). The auth cookie carries only
/// its id, so ending a session here ends the cookie everywhere, even a copy taken before sign-out.
/// </summary>
public class UserSession
{
    /// <summary>256 random bits: the id travels in the (encrypted) cookie and must not be guessable from another one.</summary>
    public string Id { get; set; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public string UserId { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }

    public User User { get; set; } = null!;
}
