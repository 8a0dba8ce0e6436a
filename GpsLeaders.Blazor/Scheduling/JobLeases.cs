using Npgsql;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// The <c>job_runs</c> table (migration 0007): one row per periodic job, through which every app instance
/// claims runs so that each interval runs once across all of them. Times are the database's clock (UTC),
/// so instances with skewed clocks still agree on what is due.
/// </summary>
public sealed class JobLeases(NpgsqlDataSource dataSource)
{
    // One statement claims and, for a job never seen before, registers (its first run is claimed at once).
    // A claim needs the run to be due and no live lease; next_run_at moves to the first point of the job's
    // interval grid after now, so missed intervals are skipped rather than run back to back.
    // (excluded.started_at is the statement's now.)
    const string ClaimDue = """
        WITH clock AS (SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS now)
        INSERT INTO job_runs AS j (job, interval_seconds, next_run_at, holder, lease_until, started_at, runs)
        SELECT $1, $2, c.now + make_interval(secs => $2), $3, c.now + make_interval(secs => $4), c.now, 1 FROM clock c
        ON CONFLICT (job) DO UPDATE SET
            interval_seconds = excluded.interval_seconds,
            next_run_at = j.next_run_at + make_interval(secs => excluded.interval_seconds *
                (floor(extract(epoch FROM excluded.started_at - j.next_run_at) / excluded.interval_seconds) + 1)::float8),
            holder = excluded.holder, lease_until = excluded.lease_until, started_at = excluded.started_at, runs = j.runs + 1
        WHERE j.next_run_at <= excluded.started_at
          AND (j.holder IS NULL OR j.lease_until <= excluded.started_at)
        RETURNING j.runs, j.started_at, j.next_run_at - make_interval(secs => j.interval_seconds)
        """;

    // "Run now": not due, so next_run_at stays; still refused while anyone holds a live lease.
    const string ClaimNow = """
        WITH clock AS (SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS now)
        INSERT INTO job_runs AS j (job, interval_seconds, next_run_at, holder, lease_until, started_at, runs)
        SELECT $1, $2, c.now + make_interval(secs => $2), $3, c.now + make_interval(secs => $4), c.now, 1 FROM clock c
        ON CONFLICT (job) DO UPDATE SET
            holder = excluded.holder, lease_until = excluded.lease_until, started_at = excluded.started_at, runs = j.runs + 1
        WHERE j.holder IS NULL OR j.lease_until <= excluded.started_at
        RETURNING j.runs, j.started_at, j.started_at
        """;

    /// <summary>Claims the job's due run for <paramref name="holder"/>; null when it is not due or someone holds it.</summary>
    public Task<JobClaim?> TryClaimDueAsync(string job, TimeSpan every, string holder, TimeSpan lease, CancellationToken ct = default) =>
        ClaimAsync(ClaimDue, job, every, holder, lease, ct);

    /// <summary>Claims a run outside the schedule; null when the job is running on some instance.</summary>
    public Task<JobClaim?> TryClaimNowAsync(string job, TimeSpan every, string holder, TimeSpan lease, CancellationToken ct = default) =>
        ClaimAsync(ClaimNow, job, every, holder, lease, ct);

    async Task<JobClaim?> ClaimAsync(string sql, string job, TimeSpan every, string holder, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue(job);
        cmd.Parameters.AddWithValue((int)Math.Max(1, every.TotalSeconds));
        cmd.Parameters.AddWithValue(holder);
        cmd.Parameters.AddWithValue(Math.Max(1, lease.TotalSeconds));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new JobClaim(job, holder, reader.GetInt64(0), Utc(reader.GetDateTime(1)), Utc(reader.GetDateTime(2)));
    }

    /// <summary>Extends the holder's lease while the run goes on; false when the claim was lost (another instance took over).</summary>
    public async Task<bool> RenewAsync(JobClaim claim, TimeSpan lease, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE job_runs SET lease_until = (now() AT TIME ZONE 'UTC')::timestamp(3) + make_interval(secs => $4)
            WHERE job = $1 AND holder = $2 AND runs = $3
            """);
        cmd.Parameters.AddWithValue(claim.Job);
        cmd.Parameters.AddWithValue(claim.Holder);
        cmd.Parameters.AddWithValue(claim.Run);
        cmd.Parameters.AddWithValue(Math.Max(1, lease.TotalSeconds));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Records how the run went and gives the lease back (only if it is still this run's).</summary>
    public async Task FinishAsync(JobClaim claim, TimeSpan took, string? error, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE job_runs SET
                holder = CASE WHEN holder = $2 AND runs = $3 THEN NULL ELSE holder END,
                lease_until = CASE WHEN holder = $2 AND runs = $3 THEN NULL ELSE lease_until END,
                last_run_at = $4, last_duration_ms = $5, last_succeeded = $6 IS NULL, last_holder = $2,
                last_error = coalesce($6, last_error),
                last_error_at = CASE WHEN $6 IS NULL THEN last_error_at ELSE (now() AT TIME ZONE 'UTC')::timestamp(3) END
            WHERE job = $1
            """);
        cmd.Parameters.AddWithValue(claim.Job);
        cmd.Parameters.AddWithValue(claim.Holder);
        cmd.Parameters.AddWithValue(claim.Run);
        cmd.Parameters.AddWithValue(DateTime.SpecifyKind(claim.StartedAt, DateTimeKind.Unspecified));
        cmd.Parameters.AddWithValue((long)took.TotalMilliseconds);
        cmd.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = error, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        // Finishing must be recorded even when the host is stopping.
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async Task<JobState?> ReadAsync(string job, CancellationToken ct = default) =>
        (await ReadAsync("WHERE job = $1", job, ct)).GetValueOrDefault(job);

    public Task<Dictionary<string, JobState>> ReadAllAsync(CancellationToken ct = default) => ReadAsync("", null, ct);

    async Task<Dictionary<string, JobState>> ReadAsync(string where, string? job, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT job, interval_seconds, next_run_at, holder, lease_until > (now() AT TIME ZONE 'UTC'), started_at, runs,
                   last_run_at, last_duration_ms, last_succeeded, last_holder, last_error, last_error_at
            FROM job_runs {where}
            """);
        if (job is not null) cmd.Parameters.AddWithValue(job);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var states = new Dictionary<string, JobState>();
        while (await reader.ReadAsync(ct))
        {
            DateTime? At(int i) => reader.IsDBNull(i) ? null : Utc(reader.GetDateTime(i));
            var running = !reader.IsDBNull(3) && !reader.IsDBNull(4) && reader.GetBoolean(4);
            states[reader.GetString(0)] = new JobState(
                Job: reader.GetString(0),
                Every: TimeSpan.FromSeconds(reader.GetInt32(1)),
                NextRunAt: Utc(reader.GetDateTime(2)),
                RunningOn: running ? reader.GetString(3) : null,
                StartedAt: At(5),
                Runs: reader.GetInt64(6),
                LastRunAt: At(7),
                LastDurationMs: reader.IsDBNull(8) ? null : reader.GetInt64(8),
                LastSucceeded: reader.IsDBNull(9) ? null : reader.GetBoolean(9),
                LastHolder: reader.IsDBNull(10) ? null : reader.GetString(10),
                LastError: reader.IsDBNull(11) ? null : reader.GetString(11),
                LastErrorAt: At(12));
        }
        return states;
    }

    static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}

/// <summary>A run one instance claimed: <see cref="Run"/> is its number (the fencing token), <see cref="Slot"/> the interval it serves.</summary>
public sealed record JobClaim(string Job, string Holder, long Run, DateTime StartedAt, DateTime Slot);

/// <summary>A job's row as Settings → Jobs and /healthz read it. <see cref="RunningOn"/> is the holder of a live lease.</summary>
public sealed record JobState(
    string Job, TimeSpan Every, DateTime NextRunAt, string? RunningOn, DateTime? StartedAt, long Runs,
    DateTime? LastRunAt, long? LastDurationMs, bool? LastSucceeded, string? LastHolder, string? LastError, DateTime? LastErrorAt);
