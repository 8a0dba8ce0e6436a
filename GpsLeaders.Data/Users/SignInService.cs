using GpsLeaders.Data.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Users;

public sealed record SignInResult(User? User, string? Error)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Email + password sign-in. Failures are Activities (<c>user.sign_in_failed</c>), which is also how the
/// lockout counts them: 5 since the last success within 15 minutes locks the account until they age out.
/// V2 has no lockout columns, and the audit trail already holds exactly this history.
/// </summary>
public sealed class SignInService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public const string WrongCredentials = "Email or password is incorrect.";

    public async Task<SignInResult> SignInAsync(string? email, string? password, string? ipAddress, CancellationToken ct = default)
    {
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        if (normalized.Length == 0 || string.IsNullOrEmpty(password))
            return new(null, "Enter your email and password.");

        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email.ToLower() == normalized, ct);
        if (user is null)
        {
            db.Record("user.sign_in_failed", $"Failed sign-in for unknown email {normalized}", new { email = normalized, ip = ipAddress }, occurredAt: now);
            await db.SaveChangesAsync(ct);
            return new(null, WrongCredentials);
        }

        var since = new[] { now - FailureWindow, user.LastLoginAt ?? DateTime.MinValue }.Max();
        var failures = await db.Activities.CountAsync(a => a.UserId == user.Id && a.ActivityType == "user.sign_in_failed" && a.OccurredAt > since, ct);
        if (failures >= MaxFailures)
            return new(null, $"Too many failed sign-ins. Try again in {FailureWindow.TotalMinutes:0} minutes.");

        if (Passwords.IsInvitation(user.PasswordHash))
            return new(null, "This account has not been set up yet. Use the invitation link you were sent to choose a password.");

        var verdict = Passwords.Verify(user, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            db.Record("user.sign_in_failed", $"Failed sign-in for {user.Email}", new { ip = ipAddress, attempt = failures + 1 }, userId: user.Id, occurredAt: now);
            await db.SaveChangesAsync(ct);
            return new(null, failures + 1 >= MaxFailures
                ? $"Too many failed sign-ins. Try again in {FailureWindow.TotalMinutes:0} minutes."
                : WrongCredentials);
        }
        if (!user.IsActive)
            return new(null, "This account is deactivated. Ask an administrator to reactivate it.");
        if (!Roles.Staff.Contains(user.Role))
            return new(null, "Agent seats use API tokens and cannot sign in to the web app.");

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = Passwords.Hash(user, password);
        user.LastLoginAt = now;
        db.Record("user.signed_in", $"{user.FirstName} {user.LastName} signed in", new { ip = ipAddress }, userId: user.Id, occurredAt: now);
        await db.SaveChangesAsync(ct);
        return new(user, null);
    }

    public async Task RecordSignOutAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return;
        db.Record("user.signed_out", $"{user.FirstName} {user.LastName} signed out", userId: user.Id);
        await db.SaveChangesAsync(ct);
    }
}
