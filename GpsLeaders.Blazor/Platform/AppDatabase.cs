using GpsLeaders.Data.Platform;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// Where the database is: <c>ConnectionStrings:Default</c> when given, otherwise the embedded default,
/// a local cluster in the repository's git-ignored <c>.data/postgres</c> folder started on demand.
/// </summary>
public sealed class AppDatabase : IAsyncDisposable
{
    public const string DatabaseName = "gpsleaders";

    AppDatabase(string connectionString, LocalPostgresCluster? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }
    public LocalPostgresCluster? Embedded { get; }

    public static async Task<AppDatabase> ResolveAsync(IConfiguration config, ILogger log, CancellationToken ct = default)
    {
        var given = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(given)) return new AppDatabase(given, null);

        var dataDir = config["Database:EmbeddedDataDir"] is { Length: > 0 } configured ? configured : Path.Combine(DataRoot(), "postgres");
        log.LogInformation("No ConnectionStrings:Default given; using the embedded PostgreSQL cluster in {DataDir}", dataDir);
        var cluster = await LocalPostgresCluster.StartPersistentAsync(dataDir, ct);
        if (cluster.FoundRunning)
            log.LogWarning("The embedded PostgreSQL cluster in {DataDir} was already running (left by a run that did not stop it, or used by another instance): reusing it; it keeps running after this app exits. Stop it with: scripts/run --stop-database", dataDir);
        await cluster.CreateDatabaseAsync(DatabaseName, ct: ct);
        return new AppDatabase(cluster.ConnectionString(DatabaseName), cluster);
    }

    /// <summary>The repository's git-ignored .data folder when running from a checkout, else the working directory's.</summary>
    public static string DataRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GpsLeaders.sln")))
                return Path.Combine(dir.FullName, ".data");
        return Path.Combine(Directory.GetCurrentDirectory(), ".data");
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null) await Embedded.DisposeAsync();
    }
}
