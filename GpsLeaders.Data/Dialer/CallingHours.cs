using System.Globalization;
using GpsLeaders.Data.Contacts;

namespace GpsLeaders.Data.Dialer;

/// <summary>What the contact's clock says now, and whether that is inside the calling window.</summary>
/// <param name="Zone">Null when neither the contact nor the area code tells the zone: nobody can say, so the dialer does not hold the call back.</param>
public sealed record ContactClock(TimeZoneInfo? Zone, DateTime? Local, bool WithinHours);

/// <summary>
/// The window in which contacts may be called (setting <c>dialer.callingHours</c>), read on the contact's own clock:
/// the contact's IANA zone, else the one of their area code. TimeZoneInfo applies each zone's DST rules, so "08:00" is
/// 08:00 local on both sides of a change. <see cref="End"/> is exclusive; "24:00" (stored as TimeOnly.MaxValue) means midnight.
/// </summary>
public sealed record CallingHours(TimeOnly Start, TimeOnly End)
{
    public static CallingHours Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0));

    public bool Allows(TimeOnly local) => local >= Start && (End == TimeOnly.MaxValue || local < End);

    public ContactClock ClockOf(string? timezone, string? phone, DateTime nowUtc)
    {
        var zone = ZoneOf(timezone, phone);
        if (zone is null) return new ContactClock(null, null, true);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        return new ContactClock(zone, local, Allows(TimeOnly.FromDateTime(local)));
    }

    /// <summary>When the window next opens on the contact's clock (UTC); null when their zone is unknown.</summary>
    public DateTime? NextOpeningUtc(string? timezone, string? phone, DateTime nowUtc)
    {
        if (ZoneOf(timezone, phone) is not { } zone) return null;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var opening = local.Date + Start.ToTimeSpan();
        if (opening <= local) opening = opening.AddDays(1);
        // A start inside a spring-forward gap does not exist that day; the clock reads it an hour later.
        if (zone.IsInvalidTime(opening)) opening = opening.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(opening, DateTimeKind.Unspecified), zone);
    }

    /// <summary>The contact's zone: their own (an IANA id), else their phone's; null when unknown.</summary>
    public static TimeZoneInfo? ZoneOf(string? timezone, string? phone)
    {
        foreach (var id in new[] { timezone, UsPhoneNumbers.TimeZoneOf(phone) })
            if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)) return zone;
        return null;
    }

    public static string Format(TimeOnly t) => t == TimeOnly.MaxValue ? "24:00" : t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"HH:mm" (or "24:00" for the end of the day); null when it is not a time.</summary>
    public static TimeOnly? Parse(string? text)
    {
        var value = text?.Trim();
        if (value == "24:00") return TimeOnly.MaxValue;
        return TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
    }
}
