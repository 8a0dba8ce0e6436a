using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>
/// A rep's short claim on a lead while they call it, so two reps on one list never get the same lead at once. Kept in
/// <c>settings</c> (the schema has no lease table) as <c>dialer.lease.&lt;leadId&gt;</c> = {"userId","listId","until"}.
/// Taking one is a single INSERT … ON CONFLICT on the unique key that only overwrites a lease that expired or is the
/// taker's own, so of two reps racing for a lead exactly one gets a row back. A rep who walks away loses it at
/// <c>until</c>; activity on the screen renews it; Save and Skip release it.
/// </summary>
public sealed class LeadLease(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(3);
    public const string KeyPrefix = "dialer.lease.";

    public static string Key(string leadId) => KeyPrefix + leadId;

    /// <summary>Takes or renews the lease for <paramref name="userId"/>; false when another rep holds a live one.</summary>
    public async Task<bool> TryTakeAsync(string leadId, string listId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await TryTakeAsync(db, leadId, listId, userId, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task ReleaseAsync(string leadId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await ReleaseAsync(db, leadId, userId, ct);
    }

    public static async Task<bool> TryTakeAsync(CrmDbContext db, string leadId, string listId, string userId, DateTime nowUtc, CancellationToken ct)
    {
        var now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var value = JsonSerializer.Serialize(new { userId, listId, until = now.Add(Duration).ToString("O") });
        var taken = await db.Database.SqlQuery<string>($"""
            INSERT INTO settings AS s (id, key, value, updated_at)
            VALUES ({Guid.CreateVersion7().ToString()}, {Key(leadId)}, {value}::jsonb, ({now} AT TIME ZONE 'UTC')::timestamp(3))
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
            WHERE (s.value->>'until')::timestamptz <= {now} OR s.value->>'userId' = {userId}
            RETURNING s.key AS "Value"
            """).ToListAsync(ct);
        return taken.Count > 0;
    }

    /// <summary>Gives the lead back (only the holder's own lease).</summary>
    public static Task ReleaseAsync(CrmDbContext db, string leadId, string userId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM settings WHERE key = {Key(leadId)} AND value->>'userId' = {userId}", ct);

    /// <summary>Removes leases that ran out (a rep closed the tab or walked away), so settings does not fill up with them.</summary>
    public static Task<int> CleanExpiredAsync(CrmDbContext db, DateTime nowUtc, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM settings WHERE key LIKE 'dialer.lease.%' AND (value->>'until')::timestamptz <= {DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)}
            """, ct);
}
