using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace GpsLeaders.Data.Platform;

/// <summary>What one <see cref="SchemaMigrator.MigrateAsync"/> run did.</summary>
public sealed record MigrationReport(
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> AlreadyApplied,
    TimeSpan Elapsed)
{
    public override string ToString() =>
        (Applied.Count == 0 ? "Schema is up to date" : $"Applied {string.Join(", ", Applied)}")
        + $" ({AlreadyApplied.Count} already applied) in {Elapsed.TotalMilliseconds:0} ms";
}

/// <summary>A forward-only SQL script embedded in this assembly.</summary>
public sealed record MigrationScript(string Id, string Sql, string Checksum);

/// <summary>
/// Applies the embedded forward-only scripts (Platform/Migrations/*.sql) in name order.
/// The whole run holds a session advisory lock, so instances starting together queue
/// instead of racing; each script commits with its history row in one transaction.
/// </summary>
public static class SchemaMigrator
{
    public const string HistoryTable = "__schema_migrations";

    // Fixed key for pg_advisory_lock; any other code taking advisory locks must avoid it.
    private const long AdvisoryLockKey = 0x4750_4C5F_4D49_4752; // "GPL_MIGR"
    private const string ResourcePrefix = "GpsLeaders.Data.Migrations.";

    public static IReadOnlyList<MigrationScript> Scripts { get; } = LoadScripts();

    public static async Task<MigrationReport> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await ExecuteAsync(conn, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(conn, null, $"""
                CREATE TABLE IF NOT EXISTS "{HistoryTable}" (
                    id text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);

            var history = await ReadHistoryAsync(conn, ct);
            var applied = new List<string>();
            var already = new List<string>();
            foreach (var script in Scripts)
            {
                if (history.TryGetValue(script.Id, out var checksum))
                {
                    if (checksum != script.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {script.Id} was applied with checksum {checksum} but the embedded script now has {script.Checksum}. " +
                            "Applied scripts are immutable: restore the original and add a new script instead.");
                    already.Add(script.Id);
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecuteAsync(conn, tx, script.Sql, ct);
                await using (var insert = new NpgsqlCommand(
                    $"""INSERT INTO "{HistoryTable}" (id, checksum) VALUES (@id, @checksum)""", conn, tx))
                {
                    insert.Parameters.AddWithValue("id", script.Id);
                    insert.Parameters.AddWithValue("checksum", script.Checksum);
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(script.Id);
            }

            // New enum types must be visible to this connection's type cache for later users of the pool.
            if (applied.Count > 0) await conn.ReloadTypesAsync(ct);
            return new MigrationReport(applied, already, clock.Elapsed);
        }
        finally
        {
            // Unlock even when cancelled; if the connection is broken the lock dies with the session.
            if (conn.FullState == System.Data.ConnectionState.Open)
                await ExecuteAsync(conn, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand($"""SELECT id, checksum FROM "{HistoryTable}" """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetString(0)] = reader.GetString(1);
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<MigrationScript> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            // Normalise line endings so a checkout with CRLF does not look like an edited script.
            var sql = reader.ReadToEnd().Replace("\r\n", "\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new MigrationScript(name[ResourcePrefix.Length..^".sql".Length], sql, checksum));
        }
        if (scripts.Count == 0) throw new InvalidOperationException("No embedded migration scripts found.");
        return scripts;
    }
}
