using Coravel.Invocable;
using GpsLeaders.Data.Inbox.Email;

namespace GpsLeaders.Blazor.Inbox.Email;

/// <summary>Every two minutes (and "Run now" on Settings → Jobs): pulls new mail from every active Gmail account.</summary>
public sealed class EmailSyncJob(EmailSync sync, ILogger<EmailSyncJob> log) : IInvocable, ICancellableInvocable
{
    public const string Name = "email-sync";

    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var result = await sync.SyncAllAsync(CancellationToken);
        log.LogInformation("Email sync: {Accounts} accounts, {Received} messages filed, {Failed} failed", result.Accounts, result.Received, result.Failures.Count);
        // The other accounts were synced; failing the run puts the broken account on Settings → Jobs.
        if (result.Failures.Count > 0)
            throw new InvalidOperationException($"{result.Failures.Count} of {result.Accounts} email accounts failed to sync: {string.Join("; ", result.Failures.Values)}");
    }
}
