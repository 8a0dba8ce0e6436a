using System.Diagnostics;
using Npgsql;

namespace GpsLeaders.Data.Seeding;

/// <summary>What a bulk seed wrote.</summary>
public sealed record BulkSeedResult(IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Elapsed)
{
    public long TotalRows => RowsPerTable.Values.Sum();
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? TotalRows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Volume data for load and UI testing: N companies, each with one address, 1.5 contacts, 1.2 leads,
/// ~0.6 lead tags and 10 activities on average, streamed through binary COPY in one transaction.
/// Rows are generated from their index (see <see cref="BulkModel"/>), so memory stays flat at any N.
/// Safe on a database that already holds data: ids are fresh and unique text columns carry a per-run tag.
/// </summary>
public static partial class BulkData
{
    private const ulong Seed = 0x6770_736C_6561_6431; // fixed: the same N gives the same shapes and names
    private const int ProgressEvery = 100_000;
    private static readonly string[] BulkTables = ["companies", "company_addresses", "contacts", "leads", "lead_tags", "activities"];

    public static async Task<BulkSeedResult> SeedAsync(string connectionString, int companies, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(companies);
        var clock = Stopwatch.StartNew();
        var now = SeedSupport.UtcNowMs();
        var ids = new BulkIds(DateTimeOffset.UtcNow);
        var model = new BulkModel(Seed, ids.RunTag, now);
        var rows = new Dictionary<string, long>();

        await using var connection = await SeedSupport.OpenAsync(connectionString, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        rows["tags"] = await SeedSupport.EnsureTagsAsync(connection, now, ct);
        var (reps, repsAdded) = await EnsureRepsAsync(connection, now, ct);
        rows["users"] = repsAdded;

        var foreignKeys = await ForeignKeyPause.DropAsync(connection, BulkTables, ct);
        var run = new Run(connection, model, ids, reps, companies, progress, clock, ct);
        rows["companies"] = await run.CompaniesAsync();
        rows["company_addresses"] = await run.AddressesAsync();
        rows["contacts"] = await run.ContactsAsync();
        rows["leads"] = await run.LeadsAsync();
        rows["lead_tags"] = await run.LeadTagsAsync();
        rows["activities"] = await run.ActivitiesAsync();

        progress?.Report($"validating {foreignKeys.Count} foreign keys ({clock.Elapsed.TotalSeconds:N1} s)");
        await foreignKeys.RestoreAsync(connection, ct);

        await tx.CommitAsync(ct);
        var result = new BulkSeedResult(rows, clock.Elapsed);
        progress?.Report($"committed {result.TotalRows:N0} rows in {result.Elapsed.TotalSeconds:N1} s ({result.RowsPerSecond:N0} rows/s)");
        return result;
    }

    /// <summary>Active reps to assign companies to; when there are none, adds five bulk reps that cannot sign in.</summary>
    private static async Task<((string Id, string FirstName)[] Reps, long Added)> EnsureRepsAsync(NpgsqlConnection connection, DateTime now, CancellationToken ct)
    {
        var reps = await ReadRepsAsync(connection, ct);
        if (reps.Length > 0) return (reps, 0);

        // A hash of a random secret nobody knows: these accounts exist for attribution only.
        var hash = SeedSupport.HashPassword(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        string[] names = ["Jordan Lee", "Sofia Martinez", "Ethan Walker", "Grace Kim", "Noah Patel"];
        long added;
        await using (var copy = await TableCopy.StartAsync(connection, "users",
            "id, email, password_hash, first_name, last_name, role, phone, is_active, created_at, updated_at", ct))
        {
            for (var i = 0; i < names.Length; i++)
            {
                var parts = names[i].Split(' ');
                copy.Row().Text(Guid.CreateVersion7().ToString()).Text($"bulk-rep-{i + 1}@{SeedCatalog.BillingDomain}")
                    .Text(hash).Text(parts[0]).Text(parts[1]).Enum("REP").Null().Bool(true).Timestamp(now).Timestamp(now);
            }
            added = await copy.CompleteAsync(ct);
        }
        return (await ReadRepsAsync(connection, ct), added);
    }

    private static async Task<(string, string)[]> ReadRepsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var reps = new List<(string, string)>();
        await using var command = new NpgsqlCommand(
            "SELECT id, first_name FROM users WHERE role = 'REP' AND is_active ORDER BY email", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) reps.Add((reader.GetString(0), reader.GetString(1)));
        return reps.ToArray();
    }

    /// <summary>One seeding run's shared state; each method streams one table.</summary>
    private sealed partial class Run(
        NpgsqlConnection connection, BulkModel model, BulkIds ids, (string Id, string FirstName)[] reps,
        long companies, IProgress<string>? progress, Stopwatch clock, CancellationToken ct)
    {
        private async Task<TableCopy> StartAsync(string table, string columns)
        {
            progress?.Report($"{table}: copying");
            return await TableCopy.StartAsync(connection, table, columns, ct);
        }

        private void Tick(TableCopy copy)
        {
            if (copy.Rows % 4096 == 0) ct.ThrowIfCancellationRequested();
            if (copy.Rows % ProgressEvery == 0) progress?.Report($"{copy.Table}: {copy.Rows:N0} rows ({clock.Elapsed.TotalSeconds:N1} s)");
        }

        private async Task<long> FinishAsync(TableCopy copy)
        {
            var rows = await copy.CompleteAsync(ct);
            progress?.Report($"{copy.Table}: {rows:N0} rows done ({clock.Elapsed.TotalSeconds:N1} s)");
            return rows;
        }

        private (string Id, string FirstName) Rep(in BulkCompany company) => reps[company.RepSlot % reps.Length];
    }
}
