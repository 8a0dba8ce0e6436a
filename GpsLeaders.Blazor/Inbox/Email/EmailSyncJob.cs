using GpsLeaders.Data.Inbox.Email;
using Quartz;

namespace GpsLeaders.Blazor.Inbox.Email;

/// <summary>Every two minutes (and "Run now" on Settings → Jobs): pulls new mail from every active Gmail account.</summary>
[DisallowConcurrentExecution]
public sealed class EmailSyncJob(EmailSync sync, ILogger<EmailSyncJob> log) : IJob
{
    public const string Name = "email-sync";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var result = await sync.SyncAllAsync(ct);
        log.LogInformation("Email sync: {Accounts} accounts, {Received} messages filed, {Failed} failed", result.Accounts, result.Received, result.Failures.Count);
        // The other accounts were synced; failing the run puts the broken account on Settings → Jobs.
        if (result.Failures.Count > 0)
            throw new JobExecutionException($"{result.Failures.Count} of {result.Accounts} email accounts failed to sync: {string.Join("; ", result.Failures.Values)}");
    }
}
