using System.Net.Mail;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Users;

/// <summary>A person work can be assigned to (a company's rep, a task's owner).</summary>
public sealed record StaffMember(string Id, string Name);

public sealed record NewUser(string? Email, string? FirstName, string? LastName, UserRole Role, string? Phone = null);

/// <summary>The one-time link's two halves; the token is shown once and only its digest is kept.</summary>
public sealed record Invitation(string UserId, string Token, DateTime ExpiresAt)
{
    public string Path => $"/account/invitation?user={Uri.EscapeDataString(UserId)}&token={Uri.EscapeDataString(Token)}";
}

/// <summary>The user who accepted an invitation and the session it started.</summary>
public sealed record AcceptedInvitation(User User, string SessionId);

/// <summary>
/// Administration of staff accounts: invite, accept an invitation, change role, deactivate and reactivate,
/// and the create-admin command. Each use case is one transaction with its Activity and live event.
/// </summary>
public sealed class UserAccounts(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, SessionLifetime lifetime)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    public const string ChangedEvent = "user.changed";

    /// <summary>The acting user's name for an Activity's sentence ("Someone" when unknown or a system job).</summary>
    public static async Task<string> NameAsync(CrmDbContext db, string? userId, CancellationToken ct) =>
        userId is null ? "Someone"
        : await db.Users.Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct) ?? "Someone";

    /// <summary>Active staff who sign in to the web app (AI_AGENT seats do not), by first name: the choices of every "assign to" picker.</summary>
    public async Task<List<StaffMember>> AssignableAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.IsActive && u.Role != UserRole.AI_AGENT).OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new StaffMember(u.Id, u.FirstName + " " + u.LastName)).ToListAsync(ct);
    }

    public async Task<Invitation> InviteAsync(string invitedById, NewUser input, CancellationToken ct = default)
    {
        var email = NormalizeEmail(input.Email);
        var check = new Validation()
            .Require("email", email, "Email")
            .Require("firstName", input.FirstName, "First name")
            .Require("lastName", input.LastName, "Last name");
        if (email.Length > 0 && !IsEmail(email)) check.Add("email", $"'{input.Email}' is not a valid email address.");
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.Email.ToLower() == email, ct))
            throw new ValidationFailedException("email", $"A user with email {email} already exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Email = email,
            FirstName = input.FirstName!.Trim(),
            LastName = input.LastName!.Trim(),
            Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
            Role = input.Role,
            IsActive = true,
            InvitedById = invitedById,
            InvitedAt = now,
        };
        var (token, marker) = Passwords.NewInvitation(now + InvitationLifetime);
        user.PasswordHash = marker;
        db.Users.Add(user);
        db.Record("user.invited", $"{user.FirstName} {user.LastName} ({email}) was invited as {Roles.Label(user.Role)}",
            new { email, role = user.Role.ToString() }, userId: invitedById);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, user.Id, $"{email} invited"), ct);
        return new Invitation(user.Id, token, now + InvitationLifetime);
    }

    /// <summary>A new link for an existing user (lost invitation, or an admin-initiated password reset).</summary>
    public async Task<Invitation> ReinviteAsync(string actorId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct) ?? throw new ValidationFailedException("user", "That user no longer exists.");
        var now = clock.GetUtcNow().UtcDateTime;
        var (token, marker) = Passwords.NewInvitation(now + InvitationLifetime);
        user.PasswordHash = marker;
        user.InvitedById = actorId;
        user.InvitedAt = now;
        // The old password is gone, so are the sessions it opened.
        await UserSessions.RevokeAllAsync(db, user.Id, StoredTime.Of(now), exceptSessionId: null, ct);
        db.Record("user.password_reset", $"A new set-password link was issued for {user.Email}", userId: actorId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, user.Id), ct);
        return new Invitation(user.Id, token, now + InvitationLifetime);
    }

    /// <summary>The invited user, when the link is still good; null for a wrong, used or expired link.</summary>
    public async Task<User?> FindInvitedAsync(string? userId, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is not null && user.IsActive && Passwords.InvitationMatches(user.PasswordHash, token, clock.GetUtcNow().UtcDateTime) ? user : null;
    }

    public const string InvitationUsed = "This invitation has already been used. Sign in with your password, or ask an administrator for a new link.";

    /// <summary>
    /// Sets the password and starts a session. Two accepts of one link race on the user row's xmin: exactly one
    /// wins, the others are told the invitation was used.
    /// </summary>
    public async Task<AcceptedInvitation> AcceptInvitationAsync(string? userId, string? token, string? password, string? confirmation,
        SignInOrigin? origin = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.StoredNow();
        var user = userId is null ? null : await db.Users.FindAsync([userId], ct);
        if (user is not null && user.IsActive && !Passwords.IsInvitation(user.PasswordHash) && user.InvitedAt is not null)
            throw new ValidationFailedException("token", InvitationUsed);
        if (user is null || !user.IsActive || !Passwords.InvitationMatches(user.PasswordHash, token, now))
            throw new ValidationFailedException("token", "This invitation link is invalid or has expired. Ask an administrator for a new one.");
        if (Passwords.Problem(password, confirmation) is { } problem)
            throw new ValidationFailedException("password", problem);
        user.PasswordHash = Passwords.Hash(user, password!);
        user.LastLoginAt = now;
        // A new password ends every earlier session (a reset link is also how a stolen account is taken back).
        await UserSessions.RevokeAllAsync(db, user.Id, now, exceptSessionId: null, ct);
        var session = UserSessions.Start(db, user.Id, origin ?? SignInOrigin.Unknown, now, lifetime.Value);
        db.Record("user.invitation_accepted", $"{user.FirstName} {user.LastName} set a password and signed in", userId: user.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ValidationFailedException("token", InvitationUsed);
        }
        return new AcceptedInvitation(user, session.Id);
    }

    public async Task ChangeRoleAsync(string actorId, string userId, UserRole role, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct) ?? throw new ValidationFailedException("user", "That user no longer exists.");
        if (user.Role == role) return;
        if (userId == actorId && !Roles.Admin.Contains(role))
            throw new ValidationFailedException("role", "You cannot remove your own administrator role.");
        var before = user.Role;
        user.Role = role;
        db.Record("user.role_changed", $"{user.Email} is now {Roles.Label(role)} (was {Roles.Label(before)})",
            new { before = before.ToString(), after = role.ToString() }, userId: actorId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, user.Id), ct);
    }

    /// <summary>Deactivating revokes the user's sessions: cookies are re-checked per request, circuits on this event.</summary>
    public async Task SetActiveAsync(string actorId, string userId, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FindAsync([userId], ct) ?? throw new ValidationFailedException("user", "That user no longer exists.");
        if (user.IsActive == active) return;
        if (!active && userId == actorId)
            throw new ValidationFailedException("isActive", "You cannot deactivate your own account.");
        user.IsActive = active;
        if (!active) await UserSessions.RevokeAllAsync(db, user.Id, clock.StoredNow(), exceptSessionId: null, ct);
        db.Record(active ? "user.reactivated" : "user.deactivated", $"{user.Email} was {(active ? "reactivated" : "deactivated")}", userId: actorId);
        await db.SaveChangesAsync(ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, user.Id, active ? "reactivated" : "deactivated"), ct);
    }

    /// <summary>The create-admin command: creates the user, or promotes and re-passwords an existing one.</summary>
    public async Task<User> CreateAdminAsync(string? email, string? firstName, string? lastName, string? password, CancellationToken ct = default)
    {
        var normalized = NormalizeEmail(email);
        var check = new Validation().Require("email", normalized, "Email");
        if (normalized.Length > 0 && !IsEmail(normalized)) check.Add("email", $"'{email}' is not a valid email address.");
        if (Passwords.Problem(password, password) is { } problem) check.Add("password", problem);
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email.ToLower() == normalized, ct);
        var created = user is null;
        user ??= db.Users.Add(new User { Email = normalized, FirstName = "", LastName = "", PasswordHash = "" }).Entity;
        user.FirstName = string.IsNullOrWhiteSpace(firstName) ? (created ? "Admin" : user.FirstName) : firstName.Trim();
        user.LastName = string.IsNullOrWhiteSpace(lastName) ? (created ? "User" : user.LastName) : lastName.Trim();
        user.Role = UserRole.ADMIN;
        user.IsActive = true;
        user.PasswordHash = Passwords.Hash(user, password!);
        if (!created) await UserSessions.RevokeAllAsync(db, user.Id, clock.StoredNow(), exceptSessionId: null, ct);
        db.Record(created ? "user.created" : "user.promoted", $"{normalized} was {(created ? "created" : "made")} an administrator by the create-admin command",
            new { email = normalized }, userId: null);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
}
