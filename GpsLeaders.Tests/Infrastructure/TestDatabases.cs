using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Seeding;
using Npgsql;

namespace GpsLeaders.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started on first use and stopped at exit.
/// Databases are cloned from templates migrated once (and once more with demo data), so each test class
/// gets a clean database in a fraction of a second.
/// </summary>
public static class TestDatabases
{
    /// <summary>
    /// Every test database has its own pool; idle connections of finished tests are closed within seconds so that the
    /// run's hundreds of databases never hold more connections than the cluster allows.
    /// </summary>
    const string IdlePool = ";Connection Idle Lifetime=10;Connection Pruning Interval=5";

    const string Migrated = "crm_template";
    const string WithDemo = "crm_demo_template";

    static readonly SemaphoreSlim CloneGate = new(1, 1);
    static readonly Lazy<Task<LocalPostgresCluster>> Cluster = new(StartClusterAsync);
    static readonly Lazy<Task> MigratedTemplate = new(() => BuildTemplateAsync(Migrated, demo: false));
    static readonly Lazy<Task> DemoTemplate = new(() => BuildTemplateAsync(WithDemo, demo: true));

    public static Task<LocalPostgresCluster> ClusterAsync() => Cluster.Value;

    /// <summary>A fresh, fully migrated, empty database.</summary>
    public static Task<string> CreateMigratedAsync() => CloneAsync(MigratedTemplate.Value, Migrated);

    /// <summary>A fresh database with the schema and the demo data (users of every role, companies, leads…).</summary>
    public static Task<string> CreateWithDemoDataAsync() => CloneAsync(DemoTemplate.Value, WithDemo);

    /// <summary>A fresh database with nothing in it at all.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var cluster = await Cluster.Value;
        var name = NewName();
        await cluster.CreateDatabaseAsync(name);
        return cluster.ConnectionString(name) + IdlePool;
    }

    static async Task<string> CloneAsync(Task templateReady, string template)
    {
        await templateReady;
        var cluster = await Cluster.Value;
        var name = NewName();
        // CREATE DATABASE … TEMPLATE fails while another clone reads the same template: one at a time.
        await CloneGate.WaitAsync();
        try { await cluster.CreateDatabaseAsync(name, template); }
        finally { CloneGate.Release(); }
        return cluster.ConnectionString(name) + IdlePool;
    }

    static async Task BuildTemplateAsync(string name, bool demo)
    {
        var cluster = await Cluster.Value;
        await cluster.CreateDatabaseAsync(name);
        var connectionString = cluster.ConnectionString(name) + IdlePool;
        await SchemaMigrator.MigrateAsync(connectionString);
        if (demo) await DemoData.SeedAsync(connectionString, CancellationToken.None);
        // A template must have no open connections when it is cloned.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
    }

    static async Task<LocalPostgresCluster> StartClusterAsync()
    {
        var cluster = await LocalPostgresCluster.StartThrowawayAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return cluster;
    }

    static string NewName() => "t_" + Guid.NewGuid().ToString("N")[..16];
}
