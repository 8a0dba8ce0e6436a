using System.Security.Cryptography;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>
/// A usable access token for a Gmail account: the stored one while it has more than a minute left, otherwise a new
/// one from the refresh token, saved encrypted at once (it is worth keeping even when the use case then fails).
/// </summary>
public sealed class GmailAccess(GmailClient gmail, SecretBox secrets, TimeProvider clock)
{
    public async Task<string> AccessTokenAsync(CrmDbContext db, EmailAccount account, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (account.GmailAccessToken is { } cipher && account.GmailTokenExpiry > now.AddMinutes(1)) return secrets.Unprotect(cipher);
            if (account.GmailRefreshToken is null)
                throw new ValidationFailedException("emailAccount", $"{account.EmailAddress} has no Gmail authorisation: connect it again.");
            var tokens = await RefreshAsync(secrets.Unprotect(account.GmailRefreshToken), account.EmailAddress, ct);
            account.GmailAccessToken = secrets.Protect(tokens.AccessToken);
            account.GmailTokenExpiry = StoredTime.Of(tokens.ExpiresAt);
            if (tokens.RefreshToken is not null) account.GmailRefreshToken = secrets.Protect(tokens.RefreshToken);
            account.UpdatedAt = StoredTime.Of(now);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance refreshed the same account meanwhile: its token is as good as ours.
                await db.Entry(account).ReloadAsync(ct);
            }
            return tokens.AccessToken;
        }
        catch (CryptographicException)
        {
            throw new ValidationFailedException("emailAccount", $"The stored Gmail authorisation of {account.EmailAddress} can no longer be read: connect it again.");
        }
    }

    async Task<GmailTokens> RefreshAsync(string refreshToken, string address, CancellationToken ct)
    {
        try { return await gmail.RefreshAsync(refreshToken, ct); }
        catch (GmailApiException e) when (e.Status is 400 or 401)
        {
            throw new ValidationFailedException("emailAccount", $"Google refused to renew the authorisation of {address} ({e.Detail}): connect it again.");
        }
    }
}
