using GpsLeaders.Data.Dialer;

namespace GpsLeaders.Tests.Dialer;

/// <summary>Calling hours are read on the contact's own clock, with each zone's DST rules.</summary>
public class CallingHoursTests
{
    static readonly CallingHours EightToNine = CallingHours.Default;

    static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.RoundtripKind), DateTimeKind.Utc);

    [Theory]
    // New York springs forward on 2025-03-09: 12:30 UTC is 07:30 EST the day before, 08:30 EDT the day after.
    [InlineData("America/New_York", "2025-03-08T12:30:00Z", false, "07:30")]
    [InlineData("America/New_York", "2025-03-10T12:30:00Z", true, "08:30")]
    // ...and falls back on 2025-11-02: the same UTC time goes from 08:30 EDT to 07:30 EST.
    [InlineData("America/New_York", "2025-11-01T12:30:00Z", true, "08:30")]
    [InlineData("America/New_York", "2025-11-03T12:30:00Z", false, "07:30")]
    // Arizona keeps standard time all summer, Denver does not: the same instant is on either side of 08:00.
    [InlineData("America/Phoenix", "2025-07-01T14:30:00Z", false, "07:30")]
    [InlineData("America/Denver", "2025-07-01T14:30:00Z", true, "08:30")]
    // One instant, evening on the east coast, afternoon in the west and in Hawaii.
    [InlineData("America/New_York", "2025-07-01T01:30:00Z", false, "21:30")]
    [InlineData("America/Los_Angeles", "2025-07-01T01:30:00Z", true, "18:30")]
    [InlineData("Pacific/Honolulu", "2025-07-01T01:30:00Z", true, "15:30")]
    // The end is exclusive: 20:59 is in, 21:00 is out.
    [InlineData("America/Chicago", "2025-01-15T02:59:00Z", true, "20:59")]
    [InlineData("America/Chicago", "2025-01-15T03:00:00Z", false, "21:00")]
    public void A_contacts_local_time_decides(string zone, string nowUtc, bool within, string local)
    {
        var clock = EightToNine.ClockOf(zone, null, Utc(nowUtc));
        Assert.Equal(within, clock.WithinHours);
        Assert.Equal(local, clock.Local!.Value.ToString("HH:mm"));
    }

    [Fact]
    public void Without_a_zone_on_the_contact_the_area_code_tells_it()
    {
        var at = Utc("2025-07-01T12:30:00Z"); // 08:30 in New York, 05:30 in Los Angeles
        Assert.True(EightToNine.ClockOf(null, "+12125550100", at).WithinHours);
        Assert.False(EightToNine.ClockOf("", "(310) 555-0100", at).WithinHours);
        Assert.Equal("America/Los_Angeles", EightToNine.ClockOf(null, "+13105550100", at).Zone!.Id);
        // The contact's own zone wins over the area code (a New York number kept by someone in Los Angeles).
        Assert.False(EightToNine.ClockOf("America/Los_Angeles", "+12125550100", at).WithinHours);
    }

    [Fact]
    public void An_unknown_zone_does_not_hold_the_call_back()
    {
        // A toll-free number rings anywhere in North America: no zone to go by.
        var clock = EightToNine.ClockOf(null, "1-800-245-1234", Utc("2025-07-01T03:00:00Z"));
        Assert.Null(clock.Zone);
        Assert.True(clock.WithinHours);
    }

    [Fact]
    public void An_international_number_tells_its_zone_too()
    {
        var clock = EightToNine.ClockOf(null, "+44 20 7946 0000", Utc("2025-07-01T03:00:00Z")); // 04:00 in London
        Assert.Equal("Europe/London", clock.Zone!.Id);
        Assert.False(clock.WithinHours);
    }

    [Fact]
    public void A_window_may_run_to_midnight_and_times_parse_strictly()
    {
        var allDay = new CallingHours(new TimeOnly(0, 0), CallingHours.Parse("24:00")!.Value);
        Assert.True(allDay.Allows(new TimeOnly(23, 59, 59)));
        Assert.True(allDay.Allows(new TimeOnly(0, 0)));
        Assert.Equal("24:00", CallingHours.Format(allDay.End));
        Assert.Equal(new TimeOnly(8, 0), CallingHours.Parse("08:00"));
        Assert.Null(CallingHours.Parse("8am"));
        Assert.Null(CallingHours.Parse("25:00"));
    }
}
