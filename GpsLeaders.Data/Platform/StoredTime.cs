namespace GpsLeaders.Data.Platform;

/// <summary>
/// Times as the timestamp(3) columns keep them: UTC, whole milliseconds. A value kept in memory then equals the stored
/// one (comparisons, idempotency checks, tests).
/// </summary>
public static class StoredTime
{
    public static DateTime Of(DateTime utc) =>
        DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);

    public static DateTime StoredNow(this TimeProvider clock) => Of(clock.GetUtcNow().UtcDateTime);
}
