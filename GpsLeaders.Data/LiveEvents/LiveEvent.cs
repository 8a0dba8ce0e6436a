using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Data.LiveEvents;

/// <summary>
/// Something that changed and that open browsers should see (a count, a list, a toast).
/// Small on purpose: NOTIFY payloads are capped at 8 kB, and subscribers re-read what they show.
/// </summary>
public sealed record LiveEvent(string Type, string? EntityId = null, string? Summary = null, string? ForUserId = null)
{
    /// <summary>PostgreSQL channel that carries events between app instances.</summary>
    public const string Channel = "crm_live_events";

    public DateTime At { get; init; } = DateTime.UtcNow;

    /// <summary>The instance that published it (lets a test tell local from remote delivery).</summary>
    public string Origin { get; init; } = InstanceId;

    public static readonly string InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LiveEvent? FromJson(string payload)
    {
        try { return JsonSerializer.Deserialize<LiveEvent>(payload, Json); }
        catch (JsonException) { return null; }
    }
}

/// <summary>
/// Publishes through pg_notify. Issued on the use case's own connection, so inside a transaction
/// PostgreSQL delivers it only on commit (and never on rollback): "after commit" by construction.
/// </summary>
public static class LiveEventPublishing
{
    public static async Task PublishAsync(this DbContext db, LiveEvent evt, CancellationToken ct = default)
    {
        var payload = evt.ToJson();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({LiveEvent.Channel}, {payload})", ct);
    }

    public static async Task PublishAsync(this NpgsqlDataSource dataSource, LiveEvent evt, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        cmd.Parameters.AddWithValue(LiveEvent.Channel);
        cmd.Parameters.AddWithValue(evt.ToJson());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
