using System.Security.Cryptography;
using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox.Sms;

/// <summary>How the app reaches a gateway: the phone's own server, or the vendor's cloud relay.</summary>
public enum GatewayMode { Local, Cloud }

/// <summary>What an admin types for a gateway. Null secrets on an edit keep the stored ones.</summary>
public sealed record SmsGatewayInput(string? Label, string? GatewayUrl, GatewayMode Mode, string? Username, string? Password,
    string? FromNumber, string? SigningKey, bool IsActive = true, string? UserId = null);

/// <summary>A gateway as the settings page shows it: never the secrets.</summary>
public sealed record SmsGatewayView(string Id, string Label, string GatewayUrl, GatewayMode Mode, string Username, string FromNumberE164,
    bool IsActive, DateTime? LastSeenAt, string? UserId, bool HasSigningKey, uint Version)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);
    public bool IsStale(DateTime now) => IsActive && (LastSeenAt is null || now - LastSeenAt > StaleAfter);
}

/// <summary>The decrypted facts a send or a webhook check needs.</summary>
public sealed record GatewayCredentials(string Id, string Label, string Url, GatewayMode Mode, string Username, string Password, string FromE164, string? SigningKey);

/// <summary>
/// SMS gateway rows. The V2 table has no column for the webhook signing key or the mode, so both live in
/// <c>settings</c> under <c>smsGateway.&lt;id&gt;</c>; the password and the key are encrypted (SecretBox).
/// </summary>
public sealed class SmsGatewayService(IDbContextFactory<CrmDbContext> dbs, SecretBox secrets, TimeProvider clock)
{
    public static string SettingKey(string gatewayId) => "smsGateway." + gatewayId;

    sealed record Extra(string Mode, string? SigningKey);

    public async Task<List<SmsGatewayView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.SmsGateways.AsNoTracking().OrderBy(g => g.Label).ToListAsync(ct);
        var keys = rows.Select(r => SettingKey(r.Id)).ToList();
        var extras = await db.Settings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => Parse(s.Value), ct);
        return rows.Select(g =>
        {
            var extra = extras.GetValueOrDefault(SettingKey(g.Id)) ?? new Extra(nameof(GatewayMode.Local), null);
            return new SmsGatewayView(g.Id, g.Label, g.GatewayUrl, Enum.Parse<GatewayMode>(extra.Mode), g.Username, g.FromNumberE164,
                g.IsActive, g.LastSeenAt, g.UserId, extra.SigningKey is not null, g.Version);
        }).ToList();
    }

    public async Task<SmsGatewayView> SaveAsync(string? gatewayId, uint? version, SmsGatewayInput input, string actingUserId, CancellationToken ct = default)
    {
        var check = new Validation()
            .Require("label", input.Label, "Label")
            .Require("gatewayUrl", input.GatewayUrl, "Gateway URL")
            .Require("username", input.Username, "Username");
        var url = input.GatewayUrl?.Trim().TrimEnd('/');
        if (url is { Length: > 0 } && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            check.Add("gatewayUrl", "The gateway URL must start with http:// or https://.");
        var from = UsPhoneNumbers.ToE164(input.FromNumber);
        if (from is null) check.Add("fromNumber", "The phone number of the gateway's SIM is required (e.g. (512) 245-0100).");
        if (gatewayId is null && string.IsNullOrWhiteSpace(input.Password)) check.Add("password", "The gateway's password is required.");
        check.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        SmsGateway gateway;
        if (gatewayId is null)
        {
            gateway = new SmsGateway { PasswordEncrypted = "" };
            db.SmsGateways.Add(gateway);
        }
        else
        {
            gateway = await db.SmsGateways.FirstOrDefaultAsync(g => g.Id == gatewayId, ct)
                ?? throw new ValidationFailedException("gateway", "This gateway no longer exists.");
            if (version is { } v) db.Entry(gateway).Property(g => g.Version).OriginalValue = v;
        }
        gateway.Label = input.Label!.Trim();
        gateway.GatewayUrl = url!;
        gateway.Username = input.Username!.Trim();
        if (!string.IsNullOrWhiteSpace(input.Password)) gateway.PasswordEncrypted = secrets.Protect(input.Password);
        gateway.FromNumber = input.FromNumber!.Trim();
        gateway.FromNumberE164 = from!;
        gateway.IsActive = input.IsActive;
        gateway.UserId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId;

        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey(gateway.Id), ct);
        var old = setting is null ? null : Parse(setting.Value);
        var key = string.IsNullOrWhiteSpace(input.SigningKey) ? old?.SigningKey : secrets.Protect(input.SigningKey.Trim());
        var json = JsonSerializer.Serialize(new Extra(input.Mode.ToString(), key));
        if (setting is null) db.Settings.Add(new Setting { Key = SettingKey(gateway.Id), Value = json });
        else setting.Value = json;

        db.Record(gatewayId is null ? "sms_gateway.created" : "sms_gateway.updated", $"SMS gateway {gateway.Label} ({PhoneDisplay.Format(from)}) {(gatewayId is null ? "added" : "changed")}.",
            new { gateway.Id, gateway.Label, gateway.GatewayUrl, mode = input.Mode.ToString(), gateway.IsActive, passwordChanged = !string.IsNullOrWhiteSpace(input.Password), signingKeyChanged = !string.IsNullOrWhiteSpace(input.SigningKey) },
            userId: actingUserId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("gateway"); }
        await db.PublishAsync(new LiveEvent(InboxEvents.GatewayChanged, gateway.Id), ct);
        await tx.CommitAsync(ct);
        return (await ListAsync(ct)).Single(g => g.Id == gateway.Id);
    }

    /// <summary>The decrypted credentials, for sending and for checking a webhook's signature.</summary>
    public async Task<GatewayCredentials?> CredentialsAsync(string gatewayId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await CredentialsAsync(db, gatewayId, ct);
    }

    internal async Task<GatewayCredentials?> CredentialsAsync(CrmDbContext db, string gatewayId, CancellationToken ct)
    {
        var g = await db.SmsGateways.AsNoTracking().FirstOrDefaultAsync(x => x.Id == gatewayId, ct);
        if (g is null) return null;
        var extra = Parse(await db.Settings.AsNoTracking().Where(s => s.Key == SettingKey(g.Id)).Select(s => s.Value).FirstOrDefaultAsync(ct));
        return new GatewayCredentials(g.Id, g.Label, g.GatewayUrl, Enum.Parse<GatewayMode>(extra.Mode), g.Username,
            g.PasswordEncrypted.Length == 0 ? "" : secrets.Unprotect(g.PasswordEncrypted), g.FromNumberE164,
            extra.SigningKey is null ? null : secrets.Unprotect(extra.SigningKey));
    }

    /// <summary>The gateway to send through: the assignee's own phone, else the first active one.</summary>
    internal static async Task<string?> PickAsync(CrmDbContext db, string? userId, CancellationToken ct) =>
        await db.SmsGateways.AsNoTracking().Where(g => g.IsActive)
            .OrderBy(g => g.UserId == userId && userId != null ? 0 : 1).ThenBy(g => g.CreatedAt)
            .Select(g => g.Id).FirstOrDefaultAsync(ct);

    /// <summary>Marks the gateway as heard from; skips the write when it was seen in the last 10 s (a hot row under load).</summary>
    internal async Task SeenAsync(string gatewayId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Database.ExecuteSqlAsync(
            $"UPDATE sms_gateways SET last_seen_at = ({now} AT TIME ZONE 'UTC') WHERE id = {gatewayId} AND (last_seen_at IS NULL OR last_seen_at < ({now.AddSeconds(-10)} AT TIME ZONE 'UTC'))", ct);
        if (changed > 0) await db.PublishAsync(new LiveEvent(InboxEvents.GatewayChanged, gatewayId), ct);
    }

    /// <summary>A fresh random signing key to paste into the phone app.</summary>
    public static string NewSigningKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    static Extra Parse(string? json) =>
        json is null ? new Extra(nameof(GatewayMode.Local), null) : JsonSerializer.Deserialize<Extra>(json) ?? new Extra(nameof(GatewayMode.Local), null);
}
