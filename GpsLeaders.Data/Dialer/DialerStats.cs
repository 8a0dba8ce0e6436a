using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>A rep's dialing since <see cref="Since"/>: what the stats bar on the dialer shows.</summary>
public sealed record SessionStats(DateTime Since, int Calls, int Connects, int TalkSeconds, DateTime AtUtc)
{
    public double ConnectRate => Calls == 0 ? 0 : (double)Connects / Calls;

    /// <summary>Calls per hour of session so far (the first minute counts as a minute, so one quick call is not 3,600/h).</summary>
    public double CallsPerHour => Calls / Math.Max(1.0 / 60, (AtUtc - Since).TotalHours);
}

/// <summary>Session statistics from the rep's own <c>call.logged</c> activities (any call they logged, dialer or by hand).</summary>
public sealed class DialerStats(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public async Task<SessionStats> SessionAsync(string userId, DateTime sinceUtc, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var fromId = FirstIdSince(since.AddMinutes(-5));
        var row = (await db.Database.SqlQuery<Row>($"""
            SELECT count(*)::int AS "Calls",
                   (count(*) FILTER (WHERE a.detail->>'outcome' = 'CONNECTED'))::int AS "Connects",
                   COALESCE(sum((a.detail->>'DurationSeconds')::int) FILTER (WHERE a.detail->>'outcome' = 'CONNECTED'), 0)::int AS "TalkSeconds"
            FROM activities a
            WHERE a.id >= {fromId} AND a.activity_type = 'call.logged' AND a.user_id = {userId} AND a.occurred_at >= ({since} AT TIME ZONE 'UTC')
            """).ToListAsync(ct)).Single();
        return new SessionStats(sinceUtc, row.Calls, row.Connects, row.TalkSeconds, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// activities has no index on user or time alone, and a million rows of call.logged are too many to filter per save.
    /// Its ids are UUIDv7 (time-ordered, written when the app records the row), so the primary key finds "recorded since"
    /// as a short range. The bound is taken a few minutes early for clock skew between app servers; occurred_at stays exact.
    /// </summary>
    internal static string FirstIdSince(DateTime utc)
    {
        var ms = Math.Max(0, new DateTimeOffset(utc).ToUnixTimeMilliseconds());
        var hex = ms.ToString("x12");
        return $"{hex[..8]}-{hex[8..]}-0000-0000-000000000000";
    }

    sealed record Row(int Calls, int Connects, int TalkSeconds);
}
