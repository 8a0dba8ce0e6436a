using System.Data.Common;
using System.Diagnostics;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GpsLeaders.Bench;

/// <summary>
/// Times a page's server-side work, then the very SQL it sent, run alone on the same database in the same run
/// (one pooled connection, each statement read to the end): the ratio shows what EF, mapping and our code add.
/// </summary>
public static class QueryTiming
{
    public const string Header = "scenario                                       p50 ms   p95 ms   max ms  SQL alone p50   ratio";

    public static async Task ReportAsync(string name, Func<int, Task> run, int runs, NpgsqlDataSource sqlAlone)
    {
        for (var i = 0; i < 3; i++) await run(i);
        var times = new List<double>(runs);
        var batches = new List<List<Statement>>(runs);
        for (var i = 0; i < runs; i++)
        {
            SqlCapture.Begin();
            var watch = Stopwatch.StartNew();
            await run(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
            batches.Add(SqlCapture.End());
        }
        foreach (var batch in batches.Take(3)) await ReplayAsync(sqlAlone, batch);
        var alone = new List<double>(runs);
        foreach (var batch in batches)
        {
            var watch = Stopwatch.StartNew();
            await ReplayAsync(sqlAlone, batch);
            alone.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        alone.Sort();
        var ratio = batches.All(b => b.Count == 0) ? "no SQL" : $"{P(times, 0.5) / P(alone, 0.5),6:0.00}x";
        Console.WriteLine($"{name,-44} {P(times, 0.50),8:0.0} {P(times, 0.95),8:0.0} {times[^1],8:0.0} {P(alone, 0.50),14:0.0} {ratio,7}");
    }

    public static NpgsqlDataSource SqlAloneSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).MapCrmEnums().Build();

    static double P(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    static async Task ReplayAsync(NpgsqlDataSource source, List<Statement> batch)
    {
        await using var conn = await source.OpenConnectionAsync();
        foreach (var statement in batch)
        {
            await using var cmd = new NpgsqlCommand(statement.Sql, conn);
            foreach (var p in statement.Parameters) cmd.Parameters.Add(p.Clone());
            await using var reader = await cmd.ExecuteReaderAsync();
            do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
        }
    }

    public sealed record Statement(string Sql, NpgsqlParameter[] Parameters);

    /// <summary>Records the commands EF sends while a timed run is in progress (bench runs are sequential).</summary>
    public sealed class SqlCapture : DbCommandInterceptor
    {
        public static readonly SqlCapture Instance = new();
        static List<Statement>? _current;

        public static void Begin() => _current = [];
        public static List<Statement> End() { var batch = _current ?? []; _current = null; return batch; }

        static void Record(DbCommand command)
        {
            if (_current is null || command is not NpgsqlCommand npgsql) return;
            lock (_current) _current.Add(new(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray()));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }
    }
}
