using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Users;

/// <summary>How long a session lives without use (the cookie slides the same way); the web app sets it from Auth:SessionHours.</summary>
public sealed record SessionLifetime(TimeSpan Value)
{
    public static readonly SessionLifetime Default = new(TimeSpan.FromHours(12));
}

/// <summary>Where a sign-in came from, kept on its session for the admin's list.</summary>
public sealed record SignInOrigin(string? Ip, string? UserAgent)
{
    public static readonly SignInOrigin Unknown = new(null, null);
}

public sealed record ActiveSession(string Id, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt, string? Ip, string? UserAgent);

/// <summary>
/// Server-side sign-in sessions: started by a sign-in or an accepted invitation, checked on every request and
/// circuit re-check, ended by sign-out, by an administrator, by deactivation and by a password change.
/// </summary>
public sealed class UserSessions(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, SessionLifetime lifetime)
{
    /// <summary>last_seen_at is written at most this often per session, so a busy page does not write on every request.</summary>
    static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    const int UserAgentMax = 300;

    /// <summary>Adds a new session to <paramref name="db"/>'s unit of work (saved with the sign-in that starts it).</summary>
    internal static UserSession Start(CrmDbContext db, string userId, SignInOrigin origin, DateTime now, TimeSpan lifetime)
    {
        var session = new UserSession
        {
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
            Ip = origin.Ip,
            UserAgent = origin.UserAgent is { Length: > UserAgentMax } ua ? ua[..UserAgentMax] : origin.UserAgent,
        };
        db.UserSessions.Add(session);
        return session;
    }

    /// <summary>Marks the user's live sessions revoked in <paramref name="db"/>'s unit of work (all, or all but one).</summary>
    internal static async Task<int> RevokeAllAsync(CrmDbContext db, string userId, DateTime now, string? exceptSessionId, CancellationToken ct)
    {
        var live = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.Id != exceptSessionId).ToListAsync(ct);
        foreach (var s in live) s.RevokedAt = now;
        return live.Count;
    }

    /// <summary>
    /// The role of the user behind a live session, or null when the session is unknown, revoked, expired, belongs to
    /// someone else, or its user is deactivated. One query; slides the expiry (at most once a minute) like the cookie.
    /// </summary>
    public async Task<UserRole?> ActiveRoleAsync(string? userId, string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(sessionId)) return null;
        var now = StoredTimeNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.User.IsActive)
            .Select(s => new { s.User.Role, s.LastSeenAt }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        if (now - found.LastSeenAt >= TouchEvery)
            await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, now + lifetime.Value), ct);
        return found.Role;
    }

    /// <summary>Sign-out: this session only (the user's other browsers stay signed in).</summary>
    public async Task EndAsync(string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId)) return;
        var now = StoredTimeNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>The user's sessions that are still live, newest use first: the admin's list.</summary>
    public async Task<List<ActiveSession>> ActiveAsync(string userId, CancellationToken ct = default)
    {
        var now = StoredTimeNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new ActiveSession(s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Ip, s.UserAgent)).ToListAsync(ct);
    }

    /// <summary>An administrator ends one of a user's sessions (null: all of them). The user's open pages re-check at once.</summary>
    public async Task<int> EndByAdminAsync(string actorId, string userId, string? sessionId, CancellationToken ct = default)
    {
        var now = StoredTimeNow();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct) ?? throw new ValidationFailedException("user", "That user no longer exists.");
        var ended = 0;
        if (sessionId is null)
            ended = await RevokeAllAsync(db, userId, now, exceptSessionId: null, ct);
        else if (await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct) is { } one)
        {
            one.RevokedAt = now;
            ended = 1;
        }
        if (ended == 0) return 0;
        db.Record("user.sessions_ended", $"{ended} session(s) of {user.Email} were ended by an administrator", new { sessions = ended }, userId: actorId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(UserAccounts.ChangedEvent, userId), ct);
        await tx.CommitAsync(ct);
        return ended;
    }

    DateTime StoredTimeNow() => clock.StoredNow();
}
