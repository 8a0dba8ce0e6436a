using System.Security.Cryptography;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>An email account as Settings shows it: never a secret, only its <see cref="SecretBox.Mask"/>.</summary>
public sealed record EmailAccountRow(string Id, string Provider, string EmailAddress, string? DisplayName, string? OwnerName,
    bool IsActive, DateTime? LastSyncedAt, string Credential, string? SmtpServer);

public sealed record SmtpAccountInput(string? EmailAddress, string? DisplayName, string? Host, int? Port, string? User, string? Password);

/// <summary>Connects, adds, deactivates and lists the mailboxes the CRM sends and receives through. Every change leaves an Activity.</summary>
public sealed class EmailAccountService(IDbContextFactory<CrmDbContext> dbs, GmailClient gmail, SecretBox secrets, TimeProvider clock)
{
    public const string ChangedEvent = "email_account.changed";

    /// <summary>Google's consent page for connecting a Gmail account; <paramref name="state"/> comes back on the callback.</summary>
    public string GmailConnectUrl(string redirectUri, string state)
    {
        if (!gmail.Options.IsConfigured)
            throw new ValidationFailedException("gmail", "Gmail is not configured on this server (Gmail:ClientId and Gmail:ClientSecret).");
        return gmail.AuthorizationUrl(redirectUri, state);
    }

    /// <summary>Completes Google's OAuth: exchanges the code, reads the mailbox address, creates or re-activates the account.</summary>
    public async Task<EmailAccount> ConnectGmailAsync(string? code, string redirectUri, string actingUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new ValidationFailedException("code", "Google sent no authorisation code.");
        GmailTokens tokens;
        GmailProfile profile;
        try
        {
            tokens = await gmail.ExchangeCodeAsync(code.Trim(), redirectUri, ct);
            profile = await gmail.ProfileAsync(tokens.AccessToken, ct);
        }
        catch (GmailApiException e) { throw new ValidationFailedException("gmail", $"Google did not complete the connection ({e.Detail})."); }

        var address = EmailAddress.Normalize(profile.EmailAddress)!;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.EmailAccounts.FirstOrDefaultAsync(a => a.Provider == EmailProviders.Gmail && a.EmailAddress == address, ct);
        // Google sends a refresh token only on first consent (prompt=consent asks again); keep the old one if none came.
        if (tokens.RefreshToken is null && account?.GmailRefreshToken is null)
            throw new ValidationFailedException("gmail", "Google granted no offline access: remove the CRM from the Google account's third-party access and connect again.");
        var now = clock.StoredNow();
        var created = account is null;
        account ??= db.EmailAccounts.Add(new EmailAccount { EmailAddress = address, Provider = EmailProviders.Gmail, UserId = actingUserId, CreatedAt = now }).Entity;
        if (tokens.RefreshToken is not null) account.GmailRefreshToken = secrets.Protect(tokens.RefreshToken);
        account.GmailAccessToken = secrets.Protect(tokens.AccessToken);
        account.GmailTokenExpiry = StoredTime.Of(tokens.ExpiresAt);
        account.IsActive = true;
        account.UpdatedAt = now;
        db.Record(created ? "email_account.connected" : "email_account.reconnected", $"Gmail account {address} {(created ? "connected" : "reconnected")}.",
            new { emailAccountId = account.Id, provider = EmailProviders.Gmail, address }, userId: actingUserId, occurredAt: now);
        await SaveAsync(db, ct);
        return account;
    }

    /// <summary>An SMTP account (send only): the password is kept encrypted.</summary>
    public async Task<EmailAccount> AddSmtpAsync(SmtpAccountInput input, string actingUserId, CancellationToken ct = default)
    {
        var address = EmailAddress.Normalize(input.EmailAddress);
        var host = input.Host?.Trim();
        var check = new Validation()
            .Require("emailAddress", address, "The email address")
            .Check(address is null || System.Net.Mail.MailAddress.TryCreate(address, out _), "emailAddress", "That is not an email address.")
            .Require("host", host, "The SMTP server")
            .Check(host is null || Uri.CheckHostName(host) != UriHostNameType.Unknown, "host", "That is not a server name.")
            .Check(input.Port is >= 1 and <= 65535, "port", "The port must be between 1 and 65535.")
            .Check(string.IsNullOrWhiteSpace(input.User) || !string.IsNullOrEmpty(input.Password), "password", "A password is required with a user name.");
        check.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.EmailAccounts.AnyAsync(a => a.Provider == EmailProviders.Smtp && a.EmailAddress == address && a.IsActive, ct))
            throw new ValidationFailedException("emailAddress", $"{address} is already set up for SMTP.");
        var now = clock.StoredNow();
        var account = new EmailAccount
        {
            EmailAddress = address!, DisplayName = Blank(input.DisplayName), Provider = EmailProviders.Smtp, UserId = actingUserId,
            SmtpHost = host, SmtpPort = input.Port, SmtpUser = Blank(input.User),
            SmtpPass = string.IsNullOrEmpty(input.Password) ? null : secrets.Protect(input.Password),
            CreatedAt = now, UpdatedAt = now,
        };
        db.EmailAccounts.Add(account);
        db.Record("email_account.added", $"SMTP account {address} added ({host}:{input.Port}).",
            new { emailAccountId = account.Id, provider = EmailProviders.Smtp, address, host, port = input.Port, user = account.SmtpUser }, userId: actingUserId, occurredAt: now);
        await SaveAsync(db, ct);
        return account;
    }

    /// <summary>Stops sending and syncing through the account; its threads and messages stay.</summary>
    public async Task DeactivateAsync(string emailAccountId, string actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.EmailAccounts.FirstOrDefaultAsync(a => a.Id == emailAccountId, ct)
            ?? throw new ValidationFailedException("emailAccount", "That email account no longer exists.");
        if (!account.IsActive) return;
        account.IsActive = false;
        account.UpdatedAt = clock.StoredNow();
        db.Record("email_account.deactivated", $"Email account {account.EmailAddress} deactivated.",
            new { emailAccountId, account.Provider, address = account.EmailAddress }, userId: actingUserId, occurredAt: account.UpdatedAt);
        await SaveAsync(db, ct);
    }

    public async Task<List<EmailAccountRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var accounts = await db.EmailAccounts.AsNoTracking().OrderByDescending(a => a.IsActive).ThenBy(a => a.EmailAddress)
            .Select(a => new { Account = a, Owner = a.User == null ? null : a.User.FirstName + " " + a.User.LastName }).ToListAsync(ct);
        return accounts.Select(x => new EmailAccountRow(x.Account.Id, x.Account.Provider, x.Account.EmailAddress, x.Account.DisplayName, x.Owner,
            x.Account.IsActive, x.Account.LastSyncedAt, Credential(x.Account),
            x.Account.SmtpHost is null ? null : $"{x.Account.SmtpHost}:{x.Account.SmtpPort}")).ToList();
    }

    string Credential(EmailAccount account)
    {
        var cipher = account.Provider == EmailProviders.Smtp ? account.SmtpPass : account.GmailRefreshToken;
        if (cipher is null) return SecretBox.Mask(null);
        try { return SecretBox.Mask(secrets.Unprotect(cipher)); }
        catch (CryptographicException) { return "(unreadable: connect again)"; }
    }

    static async Task SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await db.PublishAsync(new LiveEvent(ChangedEvent), ct);
        }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("emailAccount"); }
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
