using System.Security.Cryptography;
using System.Text.Json;
using GpsLeaders.Blazor.Users;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Platform;
using Microsoft.AspNetCore.DataProtection;

namespace GpsLeaders.Blazor.Inbox.Email;

/// <summary>
/// The OAuth round trip that connects a Gmail account. The state sent to Google is a Data Protection token holding
/// the admin who started it, the exact redirect URI and a nonce, valid ten minutes: the callback accepts only a state
/// this app issued, to the same signed-in admin (a forged or replayed link from someone else's consent is refused),
/// and it needs no server-side storage, so any instance can answer the callback.
/// </summary>
public sealed class GmailConnect(IDataProtectionProvider protection, EmailAccountService accounts)
{
    public const string CallbackPath = "/oauth/gmail/callback";
    public const string PagePath = "/admin/email-accounts";
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("GpsLeaders.GmailConnect.v1").ToTimeLimitedDataProtector();

    sealed record State(string UserId, string RedirectUri, string Nonce);

    /// <summary>Google's consent page for <paramref name="userId"/>, coming back to this app at <paramref name="baseUri"/>.</summary>
    public string StartUrl(string userId, string baseUri)
    {
        var redirect = new Uri(new Uri(baseUri), CallbackPath).ToString();
        var state = new State(userId, redirect, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        return accounts.GmailConnectUrl(redirect, _protector.Protect(JsonSerializer.Serialize(state), Lifetime));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(CallbackPath, async (HttpContext http, GmailConnect connect, CancellationToken ct) =>
            {
                var query = http.Request.Query;
                var outcome = await connect.CompleteAsync(http.User.UserId(), query["code"], query["state"], query["error"], ct);
                return Results.Redirect(PagePath + outcome);
            })
            .RequireAuthorization(Policies.Admin);

    /// <summary>The query string to show on the settings page: ?connected=address or ?error=why.</summary>
    async Task<string> CompleteAsync(string? userId, string? code, string? stateToken, string? error, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(error)) return Error(error == "access_denied" ? "Google access was not granted." : $"Google answered: {error}.");
        State? state;
        try { state = JsonSerializer.Deserialize<State>(_protector.Unprotect(stateToken ?? "")); }
        catch (Exception e) when (e is CryptographicException or JsonException) { state = null; }
        if (state is null || state.UserId != userId)
            return Error("This Gmail connection was not started here, or took longer than ten minutes. Start it again.");
        try
        {
            var account = await accounts.ConnectGmailAsync(code, state.RedirectUri, userId, ct);
            return "?connected=" + Uri.EscapeDataString(account.EmailAddress);
        }
        catch (ValidationFailedException e) { return Error(string.Join(" ", e.Errors.Values)); }
    }

    static string Error(string message) => "?error=" + Uri.EscapeDataString(message);
}
