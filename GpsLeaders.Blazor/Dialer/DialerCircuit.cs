using GpsLeaders.Data.Dialer;

namespace GpsLeaders.Blazor.Dialer;

/// <summary>
/// What the dialer keeps for as long as the rep's browser tab lives (one per circuit): when their session started, for
/// the stats, and what was skipped automatically so far, by reason. Opening another list keeps both.
/// </summary>
public sealed class DialerCircuit(TimeProvider clock)
{
    public DateTime SessionStartUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public Dictionary<SkipReason, int> SkipCounts { get; } = [];

    /// <summary>The latest automatic skips, newest first (at most 20), so the rep can see which leads and why.</summary>
    public List<SkippedLead> RecentSkips { get; } = [];

    public void Count(IEnumerable<SkippedLead> skipped)
    {
        foreach (var s in skipped)
        {
            SkipCounts[s.Reason] = SkipCounts.GetValueOrDefault(s.Reason) + 1;
            RecentSkips.Insert(0, s);
        }
        if (RecentSkips.Count > 20) RecentSkips.RemoveRange(20, RecentSkips.Count - 20);
    }
}
