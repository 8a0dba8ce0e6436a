namespace GpsLeaders.Data.Dialer;

/// <summary>A rep's dialing since <see cref="Since"/>: what the stats bar on the dialer shows.</summary>
public sealed record SessionStats(DateTime Since, int Calls, int Connects, int TalkSeconds, DateTime AtUtc)
{
    public double ConnectRate => Calls == 0 ? 0 : (double)Connects / Calls;

    /// <summary>Calls per hour of session so far (the first minute counts as a minute, so one quick call is not 3,600/h).</summary>
    public double CallsPerHour => Calls / Math.Max(1.0 / 60, (AtUtc - Since).TotalHours);
}

/// <summary>Session statistics: the rep's own line of the <see cref="Leaderboard"/> since the session began (any call they logged).</summary>
public sealed class DialerStats(Leaderboard leaderboard, TimeProvider clock)
{
    public async Task<SessionStats> SessionAsync(string userId, DateTime sinceUtc, CancellationToken ct = default)
    {
        var row = (await leaderboard.SinceAsync(sinceUtc, userId, ct)).SingleOrDefault();
        return new SessionStats(sinceUtc, row?.Calls ?? 0, row?.Connects ?? 0, (int)(row?.TalkSeconds ?? 0), clock.GetUtcNow().UtcDateTime);
    }
}
