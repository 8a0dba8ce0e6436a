namespace GpsLeaders.Tests.Infrastructure;

/// <summary>A clock a test moves by hand (invitation expiry, lockout windows).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public ManualClock() : this(DateTimeOffset.UtcNow) { }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
