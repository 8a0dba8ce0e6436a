using GpsLeaders.Blazor.Platform;
using GpsLeaders.Data.LiveEvents;
using Npgsql;

namespace GpsLeaders.Blazor.LiveEvents;

/// <summary>
/// Holds one LISTEN connection per app instance and hands every notification to the hub.
/// Reconnects with back-off when the database goes away; <see cref="Ready"/> completes once listening.
/// </summary>
public sealed class LiveEventListener(AppDatabase database, LiveEventHub hub, ILogger<LiveEventListener> log) : BackgroundService
{
    readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Live event listener lost its connection; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    async Task ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 15, Pooling = false };
        await using var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync(ct);
        conn.Notification += (_, e) =>
        {
            if (LiveEvent.FromJson(e.Payload) is { } evt) hub.Dispatch(evt);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveEvent.Channel}", conn))
            await listen.ExecuteNonQueryAsync(ct);
        _ready.TrySetResult();
        log.LogInformation("Listening for live events on channel {Channel}", LiveEvent.Channel);
        while (!ct.IsCancellationRequested)
            await conn.WaitAsync(ct);
    }
}
