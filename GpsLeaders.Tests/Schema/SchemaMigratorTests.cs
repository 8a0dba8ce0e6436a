using GpsLeaders.Data.Platform;
using GpsLeaders.Tests.Infrastructure;
using Npgsql;

namespace GpsLeaders.Tests.Schema;


public sealed class SchemaMigratorTests
{
    private static readonly string[] AllScripts = SchemaMigrator.Scripts.Select(s => s.Id).ToArray();

    [Fact]
    public void Scripts_are_embedded_in_order()
    {
        Assert.Equal(["0001_v2_schema", "0002_quartz_job_store", "0003_activities_append_only", "0004_activities_follow_company_merge", "0005_user_sessions", "0007_job_leases_drop_quartz", "0008_company_search_trigram"], AllScripts);
    }

    [Fact]
    public async Task Migrating_twice_applies_each_script_once()
    {
        var cs = await TestDatabases.CreateEmptyAsync();

        var first = await SchemaMigrator.MigrateAsync(cs);
        var second = await SchemaMigrator.MigrateAsync(cs);

        Assert.Equal(AllScripts, first.Applied);
        Assert.Empty(first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(AllScripts, second.AlreadyApplied);
        Assert.Equal(AllScripts, await HistoryAsync(cs));
    }

    [Fact]
    public async Task Concurrent_runs_on_an_empty_database_both_succeed_and_apply_each_script_once()
    {
        var cs = await TestDatabases.CreateEmptyAsync();

        var reports = await Task.WhenAll(
            Task.Run(() => SchemaMigrator.MigrateAsync(cs)),
            Task.Run(() => SchemaMigrator.MigrateAsync(cs)));

        // The advisory lock serialises the runs: one applies everything, the other finds it done.
        var applied = reports.SelectMany(r => r.Applied).ToList();
        Assert.Equal(AllScripts, applied.Order(StringComparer.Ordinal));
        Assert.Contains(reports, r => r.Applied.Count == AllScripts.Length);
        Assert.Contains(reports, r => r.AlreadyApplied.Count == AllScripts.Length);
        Assert.Equal(AllScripts, await HistoryAsync(cs));
    }

    [Fact]
    public async Task An_applied_script_whose_checksum_changed_is_refused()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await ExecuteAsync(cs, $"""UPDATE "{SchemaMigrator.HistoryTable}" SET checksum = 'edited' WHERE id = '0001_v2_schema'""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(cs));
        Assert.Contains("0001_v2_schema", error.Message);
    }

    [Fact]
    public async Task A_failing_script_rolls_back_and_leaves_no_history_row()
    {
        var cs = await TestDatabases.CreateEmptyAsync();
        // A table 0001 creates already exists, so 0001 fails half way and must leave nothing behind.
        await ExecuteAsync(cs, "CREATE TABLE leads (id text)");

        await Assert.ThrowsAsync<PostgresException>(() => SchemaMigrator.MigrateAsync(cs));

        Assert.Empty(await HistoryAsync(cs));
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_type WHERE typname = 'UserRole'", conn);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    private static async Task<string[]> HistoryAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""SELECT id FROM "{SchemaMigrator.HistoryTable}" ORDER BY id""", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return [.. ids];
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
