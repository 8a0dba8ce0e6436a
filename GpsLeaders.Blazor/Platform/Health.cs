using System.Text.Json;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// /healthz: the database answers and the job scheduler is running (ticking on this instance, its heartbeat claimed by
/// some instance). Anonymous callers (load balancers, the container's HEALTHCHECK) get the status code and the overall
/// status only; the checks' details are for signed-in admins.
/// </summary>
public static class Health
{
    public static IHealthChecksBuilder AddCrmChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<DatabaseCheck>("database")
        .AddCheck<SchedulerCheck>("scheduler");

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson }).AllowAnonymous();

    static Task WriteJson(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        if (!Roles.Admin.Any(role => http.User.IsInRole(role.ToString())))
            return http.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    sealed class DatabaseCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var cmd = dataSource.CreateCommand("SELECT 1");
                await cmd.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("reachable");
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("unreachable: " + ex.Message);
            }
        }
    }

    sealed class SchedulerCheck(JobRunner runner, JobLeases leases, IConfiguration config, TimeProvider clock) : IHealthCheck
    {
        // Coravel asks at least every 15 s whether a job is due; silence for twice that means it is not ticking here.
        static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(30);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var now = clock.GetUtcNow();
            if (runner.LastPollAt is not { } polled || now - polled > SilentAfter)
                return HealthCheckResult.Unhealthy(runner.LastPollAt is { } last ? $"not running (last tick at {last:O})" : "not running (not started)");
            var beat = await leases.ReadAsync(SchedulerHeartbeatJob.Name, ct);
            var allowed = TimeSpan.FromSeconds(config.GetValue("Scheduler:HeartbeatSeconds", 30) * 3);
            if (beat?.LastRunAt is { } lastBeat && now.UtcDateTime - lastBeat > allowed)
                return HealthCheckResult.Degraded($"running, but no instance has run the heartbeat job since {lastBeat:O}");
            return HealthCheckResult.Healthy($"running as {runner.Instance}");
        }
    }
}
