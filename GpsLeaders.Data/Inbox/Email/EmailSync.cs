using System.Text.Json;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GpsLeaders.Data.Inbox.Email;

/// <summary>What one sync run did: accounts looked at, messages filed, and the accounts that failed (with why).</summary>
public sealed record EmailSyncResult(int Accounts, int Received, IReadOnlyDictionary<string, string> Failures);

/// <summary>
/// Pulls new mail from every active Gmail account into the inbox: users.history.list from the last history id
/// (kept in <c>settings</c> as <c>email.historyId.&lt;accountId&gt;</c>, the schema has no column for it), or
/// users.messages.list by date the first time and when Google has forgotten that history; then messages.get and
/// <see cref="EmailInbound.ReceiveAsync"/> for each new one. One failing account does not stop the others.
/// </summary>
public sealed class EmailSync(IDbContextFactory<CrmDbContext> dbs, GmailClient gmail, GmailAccess access, EmailInbound inbound,
    TimeProvider clock, ILogger<EmailSync>? log = null)
{
    public const string HistoryKeyPrefix = "email.historyId.";

    readonly ILogger _log = log ?? NullLogger<EmailSync>.Instance;

    public async Task<EmailSyncResult> SyncAllAsync(CancellationToken ct = default)
    {
        List<string> ids;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            ids = await db.EmailAccounts.Where(a => a.IsActive && a.Provider == EmailProviders.Gmail).OrderBy(a => a.CreatedAt).Select(a => a.Id).ToListAsync(ct);
        var received = 0;
        var failures = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            try { received += await SyncAccountAsync(id, ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures[id] = e.Message;
                _log.LogWarning(e, "Email sync of account {AccountId} failed", id);
            }
        }
        return new EmailSyncResult(ids.Count, received, failures);
    }

    /// <summary>Syncs one account; returns how many messages were filed.</summary>
    public async Task<int> SyncAccountAsync(string emailAccountId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var account = await db.EmailAccounts.FirstOrDefaultAsync(a => a.Id == emailAccountId, ct)
            ?? throw new ValidationFailedException("emailAccountId", "That email account no longer exists.");
        var startedAt = clock.StoredNow();
        var token = await access.AccessTokenAsync(db, account, ct);
        var key = HistoryKeyPrefix + account.Id;
        var historyId = await HistoryIdAsync(db, key, ct);

        IReadOnlyList<string> messageIds = [];
        string? nextHistoryId = null;
        if (historyId is not null)
        {
            var changes = await gmail.HistoryAsync(token, historyId, ct);
            (messageIds, nextHistoryId) = (changes.MessageIds, changes.HistoryId);
            if (changes.Expired) historyId = null;
        }
        if (historyId is null)
        {
            // Note the mailbox's history id first, so that nothing arriving during the listing is missed next time.
            nextHistoryId = (await gmail.ProfileAsync(token, ct)).HistoryId;
            var since = (account.LastSyncedAt ?? startedAt.AddDays(-gmail.Options.FirstSyncDays)).AddHours(-1);
            messageIds = await gmail.ListSinceAsync(token, since, ct);
        }

        var known = await db.EmailMessages.Where(m => m.GmailMessageId != null && messageIds.Contains(m.GmailMessageId))
            .Select(m => m.GmailMessageId!).ToListAsync(ct);
        var filed = 0;
        foreach (var id in messageIds.Except(known))
        {
            var mail = await gmail.GetMessageAsync(token, id, ct);
            if (mail.IsDraft || string.IsNullOrWhiteSpace(mail.From)) continue;
            if (await inbound.ReceiveAsync(account.Id, mail.ToInbound(), ct) is not null) filed++;
        }

        // Only now: a run that failed half-way starts again from the same place (ReceiveAsync skips what it has).
        if (nextHistoryId is not null) await SaveHistoryIdAsync(db, key, nextHistoryId, ct);
        account.LastSyncedAt = startedAt;
        await db.SaveChangesAsync(ct);
        return filed;
    }

    static async Task<string?> HistoryIdAsync(CrmDbContext db, string key, CancellationToken ct)
    {
        var json = await db.Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<string>(json);
    }

    static async Task SaveHistoryIdAsync(CrmDbContext db, string key, string historyId, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(historyId);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null) db.Settings.Add(new Setting { Key = key, Value = value });
        else setting.Value = value;
    }
}
