using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// What every response carries and what every request must satisfy before it reaches a page or endpoint:
/// forwarded headers only from known proxies, security headers, and the Blazor hub's origin check.
/// </summary>
public static class WebSecurity
{
    /// <summary>
    /// X-Forwarded-For / -Proto are believed only from <c>ForwardedHeaders:KnownProxies</c> (addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR); when neither is set, from loopback only. Anyone else could otherwise claim HTTPS or any IP,
    /// and the IP is what the sign-in rate limit counts.
    /// </summary>
    public static IServiceCollection AddCrmForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = Values(config, "ForwardedHeaders:KnownProxies").Select(IPAddress.Parse).ToList();
            var networks = Values(config, "ForwardedHeaders:KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
            if (proxies.Count + networks.Count == 0) return; // the framework's default: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>A list setting given either as an array (JSON, Key__0=…) or as one comma-separated value (an env var).</summary>
    public static IEnumerable<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var all = section.Value is { Length: > 0 } one ? one.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return all.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    /// <summary>
    /// Headers on every response, set when it starts so error pages and endpoint results get them too.
    /// The CSP allows scripts only from this origin (no inline script, no eval: Blazor Server needs neither);
    /// styles also allow 'unsafe-inline' because MudBlazor and Blazor set style attributes on elements.
    /// </summary>
    public static IApplicationBuilder UseCrmSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var host = http.Request.Host.Value;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                $"connect-src 'self' ws://{host} wss://{host}; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers without CSP 2
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            // Only over HTTPS (directly or from a known proxy): HSTS on plain HTTP is ignored and on localhost a nuisance.
            if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            return Task.CompletedTask;
        });
        await next();
    });

    /// <summary>
    /// The Blazor hub (/_blazor: negotiate, WebSocket, disconnect) refuses a browser request from a foreign page:
    /// its Origin must be this app's own origin or one of <c>Security:AllowedOrigins</c>. A request without Origin is
    /// let through: browsers always send it on these requests (fetch POST and WebSocket), so its absence means a
    /// non-browser client, which cannot borrow a victim's cookie and gains nothing from the check.
    /// </summary>
    public static IApplicationBuilder UseCrmHubOriginCheck(this IApplicationBuilder app, IConfiguration config)
    {
        var allowed = Values(config, "Security:AllowedOrigins").Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/_blazor") && http.Request.Headers.Origin is { Count: > 0 } origins)
            {
                var origin = origins.ToString();
                var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
                if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !allowed.Contains(origin))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }
            await next();
        });
    }
}
