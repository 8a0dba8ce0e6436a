using System.Security.Claims;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Users;

namespace GpsLeaders.Blazor.Inbox;

/// <summary>The signed-in user as the inbox services see them (the role claim is re-checked against the database on every request and circuit).</summary>
public static class InboxAccess
{
    public static InboxViewer Viewer(ClaimsPrincipal user) =>
        new(user.UserId() ?? "", user.Role());
}
