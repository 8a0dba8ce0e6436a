namespace GpsLeaders.Data.Platform;

/// <summary>
/// The time a sender claims for an event, trusted only within reason: a clock far ahead (9999-12-31 would pin a
/// conversation to the top of every inbox) or implausibly far behind is replaced by the time we received it.
/// </summary>
public static class EventTime
{
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxBehind = TimeSpan.FromDays(7);

    public static DateTime Clamp(DateTimeOffset? claimed, DateTimeOffset receivedAt)
    {
        var at = claimed is { } c && c <= receivedAt + MaxAhead && c >= receivedAt - MaxBehind ? c : receivedAt;
        return StoredTime.Of(at.UtcDateTime);
    }

    /// <summary>Only the future is clamped: for ordering events, an old time must stay old.</summary>
    public static DateTime NotAhead(DateTime claimedUtc, DateTimeOffset receivedAt) =>
        claimedUtc <= (receivedAt + MaxAhead).UtcDateTime ? claimedUtc : StoredTime.Of(receivedAt.UtcDateTime);
}
