using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>One rep's calls since the start of the period. Talk time counts connected calls only.</summary>
public sealed record LeaderboardRow(string UserId, string Name, int Calls, int Connects, long TalkSeconds)
{
    public double ConnectRate => Calls == 0 ? 0 : (double)Connects / Calls;
}

/// <summary>
/// The team leaderboard: per rep, the <c>call.logged</c> activities since a moment (the start of the viewer's today or week).
/// Read from activities, since that is where every call path (manual log, dialer, API) leaves its trace with the rep.
/// </summary>
public sealed class Leaderboard(IDbContextFactory<CrmDbContext> dbs)
{
    public const string CallLoggedType = "call.logged";

    public async Task<List<LeaderboardRow>> SinceAsync(DateTime sinceUtc, CancellationToken ct = default)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var fromId = DialerStats.FirstIdSince(since.AddMinutes(-10)); // a primary-key range instead of every call.logged row (see DialerStats)
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The detail's duration key was written PascalCase by the first CallLogging; accept either spelling.
        return await db.Database.SqlQuery<LeaderboardRow>($"""
            SELECT a.user_id AS "UserId", trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) AS "Name",
                   count(*)::int AS "Calls",
                   count(*) FILTER (WHERE a.detail->>'outcome' = 'CONNECTED')::int AS "Connects",
                   coalesce(sum(coalesce(a.detail->>'durationSeconds', a.detail->>'DurationSeconds')::int)
                            FILTER (WHERE a.detail->>'outcome' = 'CONNECTED'), 0)::bigint AS "TalkSeconds"
            FROM activities a JOIN users u ON u.id = a.user_id
            WHERE a.id >= {fromId} AND a.activity_type = {CallLoggedType} AND a.occurred_at >= ({since} AT TIME ZONE 'UTC')::timestamp(3)
            GROUP BY a.user_id, u.first_name, u.last_name
            ORDER BY count(*) DESC, 4 DESC, 2
            """).ToListAsync(ct);
    }
}
