using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Seeding;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// Runs before the scheduler and the listener start: applies pending migrations (under the migrator's
/// advisory lock, so instances starting together are safe) and, on the embedded default, seeds demo
/// data into an empty database.
/// </summary>
public sealed class DatabaseStartup(AppDatabase database, IConfiguration config, ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            var report = await SchemaMigrator.MigrateAsync(database.ConnectionString, ct);
            log.LogInformation("Database migrated: {Report}", report);
        }
        if (config.GetValue("Database:SeedDemoWhenEmpty", database.Embedded is not null) && await DemoData.IsEmptyAsync(database.ConnectionString, ct))
        {
            var signIns = await DemoData.SeedAsync(database.ConnectionString, ct);
            log.LogInformation("Seeded demo data ({Count} demo sign-ins)", signIns.Count);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
