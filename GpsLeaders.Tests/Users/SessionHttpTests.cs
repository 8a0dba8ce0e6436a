using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Users;

/// <summary>Sign-in, sessions, the hub's origin check and the response headers over real HTTP against a real Kestrel.</summary>
public sealed class SessionHttpTests : IAsyncDisposable
{
    const string Email = "boss@example.com", Password = "Correct-Horse-9";
    CrmAppFactory? _app;

    async Task<CrmAppFactory> StartAsync(IDictionary<string, string?>? settings = null)
    {
        _app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync(), settings);
        await _app.Services.GetRequiredService<UserAccounts>().CreateAdminAsync(Email, "Pat", "Boss", Password);
        return _app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    sealed record Browserless(HttpClient Client, CookieContainer Cookies);

    static Browserless NewClient(CrmAppFactory app)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = app.BaseAddress };
        return new(client, cookies);
    }

    static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token : throw new InvalidOperationException("no antiforgery token on the page");

    /// <summary>Posts a static (SSR) Blazor form the way the browser does: its handler name and the page's antiforgery token.</summary>
    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string formName, Dictionary<string, string> fields,
        Action<HttpRequestMessage>? adjust = null, string? postPath = null)
    {
        var token = AntiforgeryToken(await client.GetStringAsync(pagePath));
        var request = new HttpRequestMessage(HttpMethod.Post, postPath ?? pagePath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token }),
        };
        adjust?.Invoke(request);
        return await client.SendAsync(request);
    }

    static Task<HttpResponseMessage> SignInAsync(HttpClient client, string password = Password, Action<HttpRequestMessage>? adjust = null) =>
        PostFormAsync(client, "/account/signin", "signin", new() { ["Input.Email"] = Email, ["Input.Password"] = password }, adjust);

    static async Task<HttpStatusCode> HomeStatusWithCookieAsync(CrmAppFactory app, string cookie)
    {
        using var bare = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return (await bare.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var app = await StartAsync();
        var browser = NewClient(app);
        var signedIn = await SignInAsync(browser.Client);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copy = "gpsl.auth=" + browser.Cookies.GetCookies(app.BaseAddress)["gpsl.auth"]!.Value;
        Assert.Equal(HttpStatusCode.OK, await HomeStatusWithCookieAsync(app, copy));

        var signedOut = await PostFormAsync(browser.Client, "/", "", [], postPath: "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // The stolen copy is worth nothing now: the session it names is revoked on the server.
        Assert.Equal(HttpStatusCode.Redirect, await HomeStatusWithCookieAsync(app, copy));
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_ends_nothing()
    {
        var app = await StartAsync();
        var browser = NewClient(app);
        await SignInAsync(browser.Client);
        var cookie = "gpsl.auth=" + browser.Cookies.GetCookies(app.BaseAddress)["gpsl.auth"]!.Value;

        // What another site's auto-submitting form would send: the victim's cookie, a foreign Origin, no token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "http://evil.example");
        var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await HomeStatusWithCookieAsync(app, cookie));
    }

    [Fact]
    public async Task Deactivation_revokes_a_live_cookie_for_good()
    {
        var app = await StartAsync();
        var accounts = app.Services.GetRequiredService<UserAccounts>();
        var other = await accounts.CreateAdminAsync("second@example.com", "Sam", "Second", Password);
        var browser = NewClient(app);
        await SignInAsync(browser.Client);
        var cookie = "gpsl.auth=" + browser.Cookies.GetCookies(app.BaseAddress)["gpsl.auth"]!.Value;
        var bossId = await FindIdAsync(app, Email);

        await accounts.SetActiveAsync(other.Id, bossId, active: false);
        await accounts.SetActiveAsync(other.Id, bossId, active: true);

        // Reactivated, but the old cookie's session stays ended.
        Assert.Equal(HttpStatusCode.Redirect, await HomeStatusWithCookieAsync(app, cookie));
    }

    static async Task<string> FindIdAsync(CrmAppFactory app, string email)
    {
        await using var db = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<GpsLeaders.Data.CrmDbContext>>().CreateDbContext();
        return db.Users.Single(u => u.Email == email).Id;
    }

    [Fact]
    public async Task Unknown_and_known_emails_get_the_same_answer_and_the_post_is_rate_limited_per_address()
    {
        var app = await StartAsync(new Dictionary<string, string?> { ["Auth:SignInPerMinute"] = "3" });
        var browser = NewClient(app);
        var wrong = await SignInAsync(browser.Client, "not-the-password");
        var unknown = await PostFormAsync(browser.Client, "/account/signin", "signin", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        string ErrorOf(string html) => WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"signin-error\">([^<]*)<").Groups[1].Value);
        Assert.Equal(SignInService.Refused, ErrorOf(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(SignInService.Refused, ErrorOf(await unknown.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser.Client, "still-wrong")).StatusCode);
        var limited = await SignInAsync(browser.Client);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(AccountEndpoints.TooManyAttempts, await limited.Content.ReadAsStringAsync());
        // Only the posts count: the page itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task Ten_simultaneous_posts_of_one_invitation_sign_in_once_and_tell_the_others_it_was_used()
    {
        var app = await StartAsync(new Dictionary<string, string?> { ["Auth:InvitationPerMinute"] = "100" });
        var accounts = app.Services.GetRequiredService<UserAccounts>();
        var invitation = await accounts.InviteAsync(await FindIdAsync(app, Email), new NewUser("new@example.com", "Nia", "New", UserRole.REP));
        var browser = NewClient(app);
        var token = AntiforgeryToken(await browser.Client.GetStringAsync(invitation.Path));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/invitation")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "invitation", ["__RequestVerificationToken"] = token,
                ["Input.UserId"] = invitation.UserId, ["Input.Token"] = invitation.Token,
                ["Input.Password"] = "Nova-Reyes-2026", ["Input.Confirmation"] = "Nova-Reyes-2026",
            }),
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var other in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Contains("This invitation has already been used", await other.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_blazor_hub_refuses_a_foreign_origin_even_with_a_valid_cookie()
    {
        var app = await StartAsync();
        var browser = NewClient(app);
        await SignInAsync(browser.Client);
        var cookie = "gpsl.auth=" + browser.Cookies.GetCookies(app.BaseAddress)["gpsl.auth"]!.Value;
        var own = app.BaseAddress.GetLeftPart(UriPartial.Authority);

        async Task<HttpStatusCode> NegotiateAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
            request.Headers.Add("Origin", origin);
            return (await browser.Client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("http://evil.example"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(own));

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.CollectHttpResponseDetails = true;
        var wsUri = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = "/_blazor", Query = "id=anything" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(wsUri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData("GET", "/account/signin", HttpStatusCode.OK)]
    [InlineData("GET", "/healthz", null)]
    [InlineData("POST", "/webhooks/calcom", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/", HttpStatusCode.Redirect)]
    public async Task Security_headers_are_on_pages_and_endpoints(string method, string path, HttpStatusCode? status)
    {
        var app = await StartAsync();
        var browser = NewClient(app);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("{}") : null };
        var response = await browser.Client.SendAsync(request);

        if (status is not null) Assert.Equal(status, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP
    }

    [Fact]
    public async Task Behind_a_known_proxy_that_terminated_https_the_auth_cookie_is_secure_and_hsts_is_sent()
    {
        var app = await StartAsync(); // the test client is on loopback, a known proxy by default
        var plain = await SignInAsync(NewClient(app).Client);
        Assert.DoesNotContain("secure", AuthCookie(plain), StringComparison.OrdinalIgnoreCase);

        var proxied = await SignInAsync(NewClient(app).Client, adjust: r => r.Headers.Add("X-Forwarded-Proto", "https"));
        Assert.Contains("secure", AuthCookie(proxied), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", proxied.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Forwarded_https_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        // Configured proxies replace the loopback default: only 10.9.9.9 is trusted, so loopback's X-Forwarded-Proto no longer counts.
        var app = await StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.9.9.9"  });
        var spoofed = await SignInAsync(NewClient(app).Client, adjust: r => r.Headers.Add("X-Forwarded-Proto", "https"));
        Assert.DoesNotContain("secure", AuthCookie(spoofed), StringComparison.OrdinalIgnoreCase);
    }

    static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gpsl.auth="));
}
