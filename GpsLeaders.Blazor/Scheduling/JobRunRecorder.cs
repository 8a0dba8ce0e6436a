using System.Text.Json;
using Npgsql;
using Quartz;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// Records each job's last run, duration and last error in the settings table (key <c>job.&lt;name&gt;</c>),
/// so the admin jobs page shows the same thing whichever cluster instance ran the job.
/// </summary>
public sealed class JobRunRecorder(NpgsqlDataSource dataSource, ILogger<JobRunRecorder> log) : IJobListener
{
    public const string KeyPrefix = "job.";

    public string Name => "crm-job-run-recorder";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct)
    {
        var name = context.JobDetail.Key.Name;
        var previous = await ReadAsync(name, ct);
        var failed = jobException is not null;
        var run = new JobRun(
            LastRunAt: context.FireTimeUtc.UtcDateTime,
            LastDurationMs: (long)context.JobRunTime.TotalMilliseconds,
            LastSucceeded: !failed,
            LastError: failed ? jobException!.GetBaseException().Message : previous?.LastError,
            LastErrorAt: failed ? DateTime.UtcNow : previous?.LastErrorAt,
            Instance: context.Scheduler.SchedulerInstanceId);
        if (failed) log.LogError(jobException, "Job {Job} failed", name);
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO settings (id, key, value, updated_at) VALUES ($1, $2, $3::jsonb, $4)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """);
        cmd.Parameters.AddWithValue(Guid.CreateVersion7().ToString());
        cmd.Parameters.AddWithValue(KeyPrefix + name);
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(run));
        cmd.Parameters.AddWithValue(DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<JobRun?> ReadAsync(string jobName, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT value::text FROM settings WHERE key = $1");
        cmd.Parameters.AddWithValue(KeyPrefix + jobName);
        return await cmd.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<JobRun>(json) : null;
    }

    public async Task<Dictionary<string, JobRun>> ReadAllAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT key, value::text FROM settings WHERE key LIKE 'job.%'");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var runs = new Dictionary<string, JobRun>();
        while (await reader.ReadAsync(ct))
            if (JsonSerializer.Deserialize<JobRun>(reader.GetString(1)) is { } run)
                runs[reader.GetString(0)[KeyPrefix.Length..]] = run;
        return runs;
    }
}

public sealed record JobRun(DateTime LastRunAt, long LastDurationMs, bool LastSucceeded, string? LastError, DateTime? LastErrorAt, string? Instance);
