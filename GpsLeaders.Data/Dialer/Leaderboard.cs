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

    public Task<List<LeaderboardRow>> SinceAsync(DateTime sinceUtc, CancellationToken ct = default) => SinceAsync(sinceUtc, null, ct);

    /// <summary>The same figures, for one rep only when <paramref name="userId"/> is given (the dialer's session stats).</summary>
    public async Task<List<LeaderboardRow>> SinceAsync(DateTime sinceUtc, string? userId, CancellationToken ct = default)
    {
        var since = DateTime.SpecifyKind(sinceUtc, DateTimeKind.Utc);
        var fromId = FirstIdSince(since.AddMinutes(-10));
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
            """).Where(r => userId == null || r.UserId == userId).ToListAsync(ct);
    }

    /// <summary>
    /// activities has no index on user or time alone, and a million rows of call.logged are too many to filter per read.
    /// Its ids are UUIDv7 (time-ordered, written when the app records the row), so the primary key finds "recorded since"
    /// as a short range. The bound is taken a few minutes early for clock skew between app servers; occurred_at stays exact.
    /// </summary>
    internal static string FirstIdSince(DateTime utc)
    {
        var ms = Math.Max(0, new DateTimeOffset(utc).ToUnixTimeMilliseconds());
        var hex = ms.ToString("x12");
        return $"{hex[..8]}-{hex[8..]}-0000-0000-000000000000";
    }
}
