using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Users;

public sealed record SignInResult(User? User, string? SessionId, string? Error)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Email + password sign-in. Failures are Activities (<c>user.sign_in_failed</c>, with the reason in the detail),
/// which is also how the lockout counts them: 5 since the last success within 15 minutes lock the account until they
/// age out. V2 has no lockout columns, and the audit trail already holds exactly this history.
/// Every refusal looks the same to the caller (one message, one password hash computed), so the form does not tell
/// which emails exist, which accounts are locked, invited or deactivated.
/// </summary>
public sealed class SignInService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, SessionLifetime lifetime)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public const string Refused = "Email or password is incorrect, or the account cannot sign in.";

    public async Task<SignInResult> SignInAsync(string? email, string? password, SignInOrigin? origin, CancellationToken ct = default)
    {
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        if (normalized.Length == 0 || string.IsNullOrEmpty(password))
            return new(null, null, "Enter your email and password.");
        origin ??= SignInOrigin.Unknown;

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.StoredNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email.ToLower() == normalized, ct);
        if (user is null)
        {
            db.Record("user.sign_in_failed", $"Failed sign-in for unknown email {Shorten(normalized)}",
                new { email = Shorten(normalized), ip = origin.Ip, reason = "unknown_email" }, occurredAt: now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Passwords.VerifyNothing(password); // the same work as a real check
            return new(null, null, Refused);
        }

        // One attempt per user at a time: count, verify and record are one step, so parallel guesses are all
        // counted and at most MaxFailures of them ever reach the real password hash.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"sign-in:" + user.Id}, 0))", ct);
        await db.Entry(user).ReloadAsync(ct); // a sign-in that held the lock before us may have moved last_login_at

        var since = new[] { now - FailureWindow, user.LastLoginAt ?? DateTime.MinValue }.Max();
        var failures = await db.Activities.CountAsync(a => a.UserId == user.Id && a.ActivityType == "user.sign_in_failed" && a.OccurredAt > since, ct);

        string? reason;
        var verdict = PasswordVerificationResult.Failed;
        if (failures >= MaxFailures) reason = "locked";
        else if (Passwords.IsInvitation(user.PasswordHash)) reason = "invitation_not_accepted";
        else
        {
            verdict = Passwords.Verify(user, password);
            reason = verdict == PasswordVerificationResult.Failed ? "wrong_password"
                : !user.IsActive ? "deactivated"
                : !Roles.Staff.Contains(user.Role) ? "agent_seat"
                : null;
        }

        if (reason is not null)
        {
            db.Record("user.sign_in_failed", $"Failed sign-in for {user.Email} ({reason.Replace('_', ' ')})",
                new { ip = origin.Ip, reason, attempt = failures + 1 }, userId: user.Id, occurredAt: now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // Outside the lock: a refusal that skipped the real hash still costs the same time.
            if (reason is "locked" or "invitation_not_accepted") Passwords.VerifyNothing(password);
            return new(null, null, Refused);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = Passwords.Hash(user, password);
        user.LastLoginAt = now;
        var session = UserSessions.Start(db, user.Id, origin, now, lifetime.Value);
        db.Record("user.signed_in", $"{user.FirstName} {user.LastName} signed in", new { ip = origin.Ip }, userId: user.Id, occurredAt: now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(user, session.Id, null);
    }

    /// <summary>Ends the session on the server (the cookie alone is no longer enough) and records the sign-out.</summary>
    public async Task SignOutAsync(string userId, string? sessionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return;
        var now = clock.StoredNow();
        if (sessionId is not null && await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null, ct) is { } session)
            session.RevokedAt = now;
        db.Record("user.signed_out", $"{user.FirstName} {user.LastName} signed out", userId: user.Id, occurredAt: now);
        await db.SaveChangesAsync(ct);
    }

    // An attacker chooses the email: keep what the audit trail stores from it short.
    static string Shorten(string email) => email.Length <= 120 ? email : email[..120];
}
