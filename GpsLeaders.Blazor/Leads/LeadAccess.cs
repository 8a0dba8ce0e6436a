using System.Security.Claims;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Leads;

namespace GpsLeaders.Blazor.Leads;

/// <summary>The signed-in user as the leads list and its actions see them (the role claim is re-checked on every request and circuit).</summary>
public static class LeadAccess
{
    public static LeadViewer Viewer(ClaimsPrincipal user) => new(user.UserId() ?? "", user.Role());
}
