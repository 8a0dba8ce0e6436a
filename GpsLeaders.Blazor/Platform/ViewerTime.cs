using Microsoft.JSInterop;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// The signed-in viewer's time zone (from the browser), so times are stored in UTC and shown in theirs.
/// One per circuit; UTC until the browser has answered (the layout waits for that).
/// </summary>
public sealed class ViewerTime
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task DetectAsync(IJSRuntime js)
    {
        var id = await js.InvokeAsync<string?>("crm.timeZone");
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) Zone = zone;
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time the viewer picked (a date picker's value) as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>Midnight starting the viewer's today, in UTC.</summary>
    public DateTime TodayStartUtc(TimeProvider clock) => ToUtc(Local(clock.GetUtcNow().UtcDateTime).Date);

    public string Format(DateTime? utc, string format = "MMM d, yyyy h:mm tt") => utc is { } t ? Local(t).ToString(format) : "—";
}
