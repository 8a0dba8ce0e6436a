using System.Data.Common;
using GpsLeaders.Data;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GpsLeaders.Tests.Companies;

public class CompanyGridSearchTests
{
    static Task<CompanyGridPage> SearchAsync(CrmDbContext db, string text) =>
        CompanyGrid.PageAsync(db, new CompanyFilter { Search = text }, CompanySort.Name, false, 0, 25);

    [Fact]
    public async Task A_fragment_from_the_middle_of_a_name_a_website_or_a_phone_finds_the_company()
    {
        var f = await WorkFixture.CreateAsync(); // also holds "Acme Towing LLC", (512) 555-2368
        var companies = f.Services.Get<CompanyService>();
        var northwind = await companies.CreateAsync(new CompanyInput("Northwind Haulage LLC", Website: "https://www.nwh-freight.example"), f.Author.Id);
        var bluebird = await companies.CreateAsync(new CompanyInput("Bluebird Couriers", Website: "https://www.bluebird-express.example"), f.Author.Id);
        var cedar = await companies.CreateAsync(new CompanyInput("Cedar Plumbing", Phone: "(303) 441-7788"), f.Author.Id);
        await using var db = f.Services.Db();

        Assert.Equal([northwind.Id], (await SearchAsync(db, "thwind")).Rows.Select(r => r.Id));
        Assert.Equal([northwind.Id], (await SearchAsync(db, "h-frei")).Rows.Select(r => r.Id));
        Assert.Equal([bluebird.Id], (await SearchAsync(db, "BIRD-EXP")).Rows.Select(r => r.Id));
        Assert.Equal([cedar.Id], (await SearchAsync(db, "441-77")).Rows.Select(r => r.Id));
        var none = await SearchAsync(db, "zzqx");
        Assert.Empty(none.Rows);
        Assert.Equal(0, none.Total);
        // Two characters give no trigram: the table is scanned, with the same result as before.
        var shortFragment = await SearchAsync(db, "wi");
        Assert.Equal(["Acme Towing LLC", "Northwind Haulage LLC"], shortFragment.Rows.Select(r => r.Name));
        Assert.Equal(2, shortFragment.Total);
    }

    [Fact]
    public async Task The_grid_search_is_served_by_the_trigram_indexes_not_a_table_scan()
    {
        var f = await WorkFixture.CreateAsync();
        await using (var conn = new NpgsqlConnection(f.Services.ConnectionString))
        {
            await conn.OpenAsync();
            // Enough companies for the planner to weigh a table scan against the indexes as it does at 100,000.
            await using var fill = new NpgsqlCommand("""
                INSERT INTO companies (id, name, normalized_name, website, phone, updated_at)
                SELECT gen_random_uuid()::text, 'Fleet ' || md5(i::text), 'fleet ' || md5(i::text),
                       'https://www.' || md5(i::text) || '.example', '(' || (200 + i % 700) || ') 555-' || lpad((i % 10000)::text, 4, '0'),
                       now()
                FROM generate_series(1, 10000) i
                """, conn);
            await fill.ExecuteNonQueryAsync();
            // VACUUM moves the new rows out of the GIN pending lists (as autovacuum would); ANALYZE gives the planner statistics.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE companies", conn);
            await vacuum.ExecuteNonQueryAsync();
        }
        var northwind = await f.Services.Get<CompanyService>().CreateAsync(
            new CompanyInput("Northwind Haulage LLC", Phone: "(303) 441-7788", Website: "https://www.nwh-freight.example"), f.Author.Id);

        var capture = new SearchQueryCapture();
        await using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>(CrmDatabase.Options(f.Services.ConnectionString))
            .AddInterceptors(capture).Options);
        foreach (var (text, indexes) in new[]
        {
            ("thwind", new[] { "companies_normalized_name_trgm_idx", "companies_website_trgm_idx" }),
            ("h-frei", new[] { "companies_normalized_name_trgm_idx", "companies_website_trgm_idx" }),
            ("441-7788", new[] { "companies_phone_trgm_idx" }),
        })
        {
            capture.Last = null;
            Assert.Equal([northwind.Id], (await SearchAsync(db, text)).Rows.Select(r => r.Id));
            var plan = await ExplainAsync(f.Services.ConnectionString, capture.Last ?? throw new InvalidOperationException("no LIKE query ran"));
            foreach (var index in indexes) Assert.True(plan.Contains(index), $"'{text}': {index} not used:\n{plan}");
            Assert.False(plan.Contains("Seq Scan"), $"'{text}' scans the table:\n{plan}");
        }
    }

    static async Task<string> ExplainAsync(string connectionString, (string Sql, NpgsqlParameter[] Parameters) query)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + query.Sql, conn);
        cmd.Parameters.AddRange(query.Parameters.Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>The grid's text-search query as EF sent it, to EXPLAIN with the same parameters.</summary>
    sealed class SearchQueryCapture : DbCommandInterceptor
    {
        public (string Sql, NpgsqlParameter[] Parameters)? Last { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(" LIKE "))
                Last = (command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
            return ValueTask.FromResult(result);
        }
    }
}
