using System.Security.Claims;
using GpsLeaders.Data;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Blazor.Users;

/// <summary>Authorization policies, one per role group of product.md "Who uses it".</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Finance = "finance";
    public const string Staff = "staff";
}

/// <summary>Cookie sign-in against the users table, role policies, and ending the sessions of deactivated users.</summary>
public static class Authentication
{
    public static IServiceCollection AddCrmUsers(this IServiceCollection services, IConfiguration config)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "gpsl.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS, including behind a known proxy (UseForwardedHeaders sets the scheme).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = SessionLifetimeFrom(config).Value;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin.Select(r => r.ToString())))
            .AddPolicy(Policies.Finance, p => p.RequireRole(Roles.Finance.Select(r => r.ToString())))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff.Select(r => r.ToString())))
            // Every page and endpoint is for signed-in staff unless it says otherwise.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(Roles.Staff.Select(r => r.ToString())).Build());
        services.AddSingleton(_ => SessionLifetimeFrom(config)); // after AddCrmDomainServices: this one wins
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActiveUserRevalidation>();
        return services;
    }

    static SessionLifetime SessionLifetimeFrom(IConfiguration config) => new(TimeSpan.FromHours(config.GetValue("Auth:SessionHours", 12)));

    /// <summary>The claim naming the server-side session (user_sessions.id) the cookie belongs to.</summary>
    public const string SessionClaim = "gpsl:sid";

    public static ClaimsPrincipal PrincipalFor(User user, string sessionId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(SessionClaim, sessionId),
        new Claim(ClaimTypes.Name, $"{user.FirstName} {user.LastName}".Trim()),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The role claim; an unreadable one counts as the most restricted staff role (REP).</summary>
    public static UserRole Role(this ClaimsPrincipal principal) =>
        Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.REP;

    public static string? SessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    /// <summary>
    /// Each request re-reads the session and its user (one primary-key lookup): a revoked or expired session, a
    /// deactivated user, or one whose role changed, loses access at once instead of when the cookie expires.
    /// </summary>
    static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!await IsStillValidAsync(sessions, context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    internal static async Task<bool> IsStillValidAsync(UserSessions sessions, ClaimsPrincipal? principal, CancellationToken ct)
    {
        if (principal is null) return false;
        var role = await sessions.ActiveRoleAsync(principal.UserId(), principal.SessionId(), ct);
        return role is not null && principal.IsInRole(role.Value.ToString());
    }
}

/// <summary>The same check for live circuits, which make no HTTP requests after they start.</summary>
public sealed class ActiveUserRevalidation(
    ILoggerFactory loggers, UserSessions sessions, IConfiguration config, IHostApplicationLifetime lifetime)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(config.GetValue("Auth:CircuitRevalidationSeconds", 30));

    // While the host shuts down its services are being disposed: a check then would only log a spurious error.
    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Task.FromResult(true) : Authentication.IsStillValidAsync(sessions, state.User, ct);
}
