using System.Threading.RateLimiting;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GpsLeaders.Blazor.Users;

public static class AccountEndpoints
{
    public const string TooManyAttempts = "Too many attempts from your network. Wait a minute and try again.";

    /// <summary>
    /// Per-IP limits on the two forms that check a secret (sign-in and invitation posts), so nobody can spray
    /// passwords, or lock every account by failing on purpose, from one address. Only those POSTs count: pages,
    /// circuits and endpoints are not limited here. Auth:SignInPerMinute and Auth:InvitationPerMinute (default 10).
    /// </summary>
    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(o =>
        {
            // Read here, when the options are first built: a host's (or a test's) configuration is in place by then.
            var signInPerMinute = config.GetValue("Auth:SignInPerMinute", 10);
            var invitationPerMinute = config.GetValue("Auth:InvitationPerMinute", 10);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limit = !HttpMethods.IsPost(http.Request.Method) ? 0
                    : http.Request.Path.Equals("/account/signin", StringComparison.OrdinalIgnoreCase) ? signInPerMinute
                    : http.Request.Path.Equals("/account/invitation", StringComparison.OrdinalIgnoreCase) ? invitationPerMinute
                    : 0;
                if (limit <= 0) return RateLimitPartition.GetNoLimiter("");
                var key = $"{http.Request.Path.Value!.ToLowerInvariant()} {http.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(TooManyAttempts, ct);
            };
        });
        return services;
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token, so that neither a link, an image nor another site's form can sign
        // anyone out. It ends the session on the server: a copy of the cookie stops working too.
        app.MapPost("/account/signout", async (HttpContext http, SignInService signIns, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("The sign-out form expired or came from another site. Reload the page and try again.");
            if (http.User.UserId() is { } id) await signIns.SignOutAsync(id, http.User.SessionId(), http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/signin");
        });
    }
}
