using System.Text.Json;
using GpsLeaders.Blazor.Scheduling;
using GpsLeaders.Data.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Quartz;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// /healthz: the database answers and the job scheduler is running (started, not in standby, firing). Anonymous callers
/// (load balancers, the container's HEALTHCHECK) get the status code and the overall status only; the checks' details
/// (scheduler instance, database errors) are for signed-in admins.
/// </summary>
public static class Health
{
    public static IHealthChecksBuilder AddCrmChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<DatabaseCheck>("database")
        .AddCheck<SchedulerCheck>("scheduler");

    public static void MapCrmHealth(this WebApplication app) =>
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

    sealed class SchedulerCheck(ISchedulerFactory factory, JobRunRecorder runs, IConfiguration config, TimeProvider clock) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var scheduler = await factory.LookupScheduler(SchedulerSetup.SchedulerName(config), ct);
            if (scheduler is null || scheduler.Status != SchedulerStatus.Running)
                return HealthCheckResult.Unhealthy($"not running ({scheduler?.Status.ToString() ?? "absent"})");
            var beat = await runs.ReadAsync(SchedulerHeartbeatJob.Name, ct);
            var allowed = TimeSpan.FromSeconds(config.GetValue("Scheduler:HeartbeatSeconds", 30) * 3);
            if (beat is not null && clock.GetUtcNow().UtcDateTime - beat.LastRunAt > allowed)
                return HealthCheckResult.Degraded($"running, but the heartbeat job last ran at {beat.LastRunAt:O}");
            return HealthCheckResult.Healthy($"running as {scheduler.SchedulerInstanceId}");
        }
    }
}
