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
                o.LoginPath = "/account/signin";
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(config.GetValue("Auth:SessionHours", 12));
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin.Select(r => r.ToString())))
            .AddPolicy(Policies.Finance, p => p.RequireRole(Roles.Finance.Select(r => r.ToString())))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff.Select(r => r.ToString())))
            // Every page and endpoint is for signed-in staff unless it says otherwise.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireRole(Roles.Staff.Select(r => r.ToString())).Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, ActiveUserRevalidation>();
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(User user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id),
        new Claim(ClaimTypes.Name, $"{user.FirstName} {user.LastName}".Trim()),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// Each request re-reads the user (a primary-key lookup): a deactivated user, or one whose role changed,
    /// loses the session at once instead of when the cookie expires.
    /// </summary>
    static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var dbs = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        if (!await IsStillValidAsync(dbs, context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    internal static async Task<bool> IsStillValidAsync(IDbContextFactory<CrmDbContext> dbs, ClaimsPrincipal? principal, CancellationToken ct)
    {
        var id = principal?.UserId();
        if (id is null) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.IsActive, u.Role }).FirstOrDefaultAsync(ct);
        return user is not null && user.IsActive && principal!.IsInRole(user.Role.ToString());
    }
}

/// <summary>The same check for live circuits, which make no HTTP requests after they start.</summary>
public sealed class ActiveUserRevalidation(
    ILoggerFactory loggers, IDbContextFactory<CrmDbContext> dbs, IConfiguration config, IHostApplicationLifetime lifetime)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(config.GetValue("Auth:CircuitRevalidationSeconds", 30));

    // While the host shuts down its services are being disposed: a check then would only log a spurious error.
    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Task.FromResult(true) : Authentication.IsStillValidAsync(dbs, state.User, ct);
}
