using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Tests.Infrastructure;

namespace GpsLeaders.Tests.Seeding;

public sealed class BulkDataTests
{
    [Fact]
    public async Task Bulk_seed_of_2000_companies_writes_proportional_rows_and_keeps_every_foreign_key()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        var foreignKeys = await Db.ForeignKeysAsync(cs);
        var messages = new List<string>();

        var result = await BulkData.SeedAsync(cs, 2_000, new SyncProgress(messages.Add), CancellationToken.None);

        Assert.Equal(2_000, result.RowsPerTable["companies"]);
        Assert.Equal(2_000, result.RowsPerTable["company_addresses"]);
        Assert.Equal(3_000, result.RowsPerTable["contacts"]);     // 1.5 per company
        Assert.Equal(2_400, result.RowsPerTable["leads"]);        // 1.2 per company
        Assert.Equal(20_000, result.RowsPerTable["activities"]);  // 10 per company
        Assert.InRange(result.RowsPerTable["lead_tags"], 900, 1_500);
        Assert.Equal(5, result.RowsPerTable["users"]);            // no reps yet, so bulk reps were added
        Assert.Equal(result.RowsPerTable.Values.Sum(), result.TotalRows);
        Assert.True(result.Elapsed > TimeSpan.Zero && result.RowsPerSecond > 0);
        foreach (var (table, rows) in result.RowsPerTable)
            Assert.Equal(rows, await Db.CountAsync(cs, table));

        Assert.Equal(foreignKeys, await Db.ForeignKeysAsync(cs));
        Assert.Contains(messages, m => m.StartsWith("activities: 20,000 rows", StringComparison.Ordinal));

        // Every lead points at a contact of its own company; activities hang off their company's lead and contact.
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs,
            "SELECT count(*) FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE c.company_id IS DISTINCT FROM l.company_id"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, """
            SELECT count(*) FROM activities a JOIN leads l ON l.id = a.lead_id JOIN contacts c ON c.id = a.contact_id
            WHERE l.company_id <> a.company_id OR c.company_id <> a.company_id
            """));
        Assert.Equal(10L, await Db.ScalarAsync<long>(cs, "SELECT min(n) FROM (SELECT count(*) n FROM activities GROUP BY company_id) x"));
        Assert.Equal(10L, await Db.ScalarAsync<long>(cs, "SELECT count(DISTINCT stage) FROM leads"));

        await Db.AssertContactsValidAsync(cs);
        var names = await Db.ListAsync(cs, "SELECT name, normalized_name FROM companies", r => (r.GetString(0), r.GetString(1)));
        Assert.All(names, n => Assert.Equal(CompanyName.Normalize(n.Item1), n.Item2));
    }

    [Fact]
    public async Task Bulk_seed_runs_on_top_of_demo_data_and_again_without_collisions()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await DemoData.SeedAsync(cs, CancellationToken.None);

        var first = await BulkData.SeedAsync(cs, 300, null, CancellationToken.None);
        var second = await BulkData.SeedAsync(cs, 300, null, CancellationToken.None);

        Assert.Equal(0, first.RowsPerTable["users"] + second.RowsPerTable["users"]); // the demo reps are used
        Assert.Equal(0, first.RowsPerTable["tags"]);
        Assert.Equal(DemoData.CompanyCount + 600, await Db.CountAsync(cs, "companies"));
        // Only active reps get bulk companies.
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs,
            "SELECT count(*) FROM companies c JOIN users u ON u.id = c.assigned_rep_id WHERE NOT u.is_active OR u.role <> 'REP'"));
    }

    [Fact]
    public async Task A_cancelled_bulk_seed_leaves_nothing_behind()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        var foreignKeys = await Db.ForeignKeysAsync(cs);
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(m => { if (m.StartsWith("activities", StringComparison.Ordinal)) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BulkData.SeedAsync(cs, 5_000, progress, cancel.Token));

        Assert.Equal(0L, await Db.CountAsync(cs, "companies"));
        Assert.Equal(0L, await Db.CountAsync(cs, "users"));
        Assert.Equal(foreignKeys, await Db.ForeignKeysAsync(cs));
    }

    /// <summary>IProgress that reports inline (Progress&lt;T&gt; posts to the thread pool, so asserts could race it).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
