using System.Security.Claims;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Blazor.Inbox;

/// <summary>Reps work the inbox for their own leads: conversations assigned to them or to nobody.</summary>
public static class InboxAccess
{
    public static bool RepOnly(ClaimsPrincipal user) => user.IsInRole(nameof(UserRole.REP));
}
