using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Users;

/// <summary>One user as Settings → Users lists them: who invited them, and whether they have set a password yet.</summary>
public sealed record UserRosterRow(string Id, string Name, string Email, UserRole Role, bool IsActive, bool Invited, DateTime? LastLoginAt, string? InvitedBy)
{
    public string Status => !IsActive ? "Deactivated" : Invited ? "Invited" : "Active";
}

/// <summary>The users an admin manages, by name.</summary>
public static class UserRoster
{
    public static Task<List<UserRosterRow>> ListAsync(CrmDbContext db, CancellationToken ct = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new UserRosterRow(u.Id, u.FirstName + " " + u.LastName, u.Email, u.Role, u.IsActive, u.PasswordHash.StartsWith(Passwords.InvitePrefix),
                u.LastLoginAt, u.InvitedBy == null ? null : u.InvitedBy.FirstName + " " + u.InvitedBy.LastName))
            .ToListAsync(ct);
}
