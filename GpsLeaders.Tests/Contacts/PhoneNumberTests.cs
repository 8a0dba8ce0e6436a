using GpsLeaders.Data.Contacts;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Contacts;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(317) 245-9654")]
    [InlineData("317.245.9654")]
    [InlineData("317 245 9654")]
    [InlineData("3172459654")]
    [InlineData("+1 317 245 9654")]
    [InlineData("1-317-245-9654")]
    [InlineData("1 (317) 245-9654")]
    [InlineData("  +1 (317) 245-9654  ")]
    [InlineData("011 1 317 245 9654")]
    public void Formats_people_type_read_as_one_US_number(string typed)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Equal("+13172459654", check.E164);
        Assert.Null(check.Problem);
        Assert.Equal("America/New_York", check.TimeZone);
        Assert.Equal(PhoneLineType.FixedLineOrMobile, check.LineType);
        Assert.Null(check.PhoneType); // the library cannot tell a US mobile from a landline: what the person chose stands
    }

    [Theory]
    [InlineData("317-245-9654 x12")]
    [InlineData("(317) 245-9654 ext. 12")]
    [InlineData("317.245.9654 extension 12")]
    public void An_extension_is_kept_apart_from_the_E164_and_makes_it_a_landline(string typed)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Equal("+13172459654", check.E164);
        Assert.Equal("12", check.Extension);
        Assert.Equal("landline", check.PhoneType);
        Assert.Equal("(317) 245-9654 ext. 12", PhoneDisplay.Format(typed));
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958", PhoneLineType.FixedLine, "Europe/London", "landline")]
    [InlineData("011 44 20 7946 0958", "+442079460958", PhoneLineType.FixedLine, "Europe/London", "landline")]
    [InlineData("+44 7911 123456", "+447911123456", PhoneLineType.Mobile, null, "mobile")] // UK mobiles also serve the Channel Islands and Man: no one zone
    [InlineData("+49 151 23456789", "+4915123456789", PhoneLineType.Mobile, "Europe/Berlin", "mobile")]
    [InlineData("+1 416 245 1234", "+14162451234", PhoneLineType.FixedLineOrMobile, "America/Toronto", null)]
    [InlineData("+52 55 1234 5678", "+525512345678", PhoneLineType.FixedLineOrMobile, "America/Mexico_City", null)]
    public void Valid_international_numbers_get_their_E164_line_type_and_zone(string typed, string e164, PhoneLineType line, string? zone, string? phoneType)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Equal(e164, check.E164);
        Assert.Equal(line, check.LineType);
        Assert.Equal(zone, check.TimeZone);
        Assert.Equal(phoneType, check.PhoneType);
    }

    [Theory]
    [InlineData("1-800-245-1234", PhoneLineType.TollFree, "landline")]
    [InlineData("(512) 245-1234", PhoneLineType.FixedLineOrMobile, null)]
    [InlineData("+44 20 7946 0958", PhoneLineType.FixedLine, "landline")]
    [InlineData("+44 7911 123456", PhoneLineType.Mobile, "mobile")]
    public void Line_type_where_the_library_knows_it(string typed, PhoneLineType line, string? phoneType)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Equal(line, check.LineType);
        Assert.Equal(phoneType, check.PhoneType);
    }

    [Theory]
    [InlineData("(512) 245-1234", "America/Chicago")]
    [InlineData("+1 206 245 0100", "America/Los_Angeles")]
    [InlineData("602-245-1234", "America/Phoenix")]
    [InlineData("808 245 1234", "Pacific/Honolulu")]
    [InlineData("915 245 1234", "America/Denver")]          // El Paso
    [InlineData("+1 605 245 1234", "America/Chicago")]      // the library names two zones for South Dakota: the area-code table decides
    [InlineData("+1 701 245 1234", "America/Chicago")]      // North Dakota, likewise
    [InlineData("+44 20 7946 0958", "Europe/London")]
    [InlineData("1-800-245-1234", null)]                   // toll-free rings anywhere in North America
    [InlineData("245-9654", null)]
    [InlineData("", null)]
    public void Time_zone_from_the_number(string typed, string? zone) => Assert.Equal(zone, UsPhoneNumbers.TimeZoneOf(typed));

    [Theory]
    [InlineData("(512) 555-0123")]
    [InlineData("+1 212 555 0199")]
    [InlineData("512-555-0100")]
    public void Numbers_in_the_fictional_555_01xx_block_stay_raw_with_the_reason(string typed)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Null(check.E164);
        Assert.Equal("555-01xx numbers are fictional", check.Problem);
        Assert.NotNull(check.TimeZone);
    }

    [Fact]
    public void Other_555_numbers_are_real() => Assert.Equal("+12125550200", UsPhoneNumbers.ToE164("(212) 555-0200"));

    [Theory]
    [InlineData("call me", "not a phone number")]
    [InlineData("n/a", "not a phone number")]
    [InlineData("unknown", "not a phone number")]
    [InlineData("245-9654", "not a valid US number")]            // no area code
    [InlineData("(211) 245-1234", "not a valid US number")]      // 211 is not an area code
    [InlineData("(512) 145-1234", "not a valid US number")]      // an exchange never starts with 1
    [InlineData("512-245-96541", "not a valid US number")]
    [InlineData("+44 20 7946", "not a valid number for +44")]
    public void Letters_and_invalid_numbers_stay_raw_with_the_reason(string typed, string problem)
    {
        var check = UsPhoneNumbers.Check(typed);
        Assert.Null(check.E164);
        Assert.Equal(problem, check.Problem);
        Assert.Null(UsPhoneNumbers.ToE164(typed));
        Assert.Equal(typed, PhoneDisplay.Format(typed));
    }

    [Fact]
    public void A_vanity_number_spelled_in_letters_is_read_as_its_digits()
    {
        var check = UsPhoneNumbers.Check("1-800-FLOWERS");
        Assert.Equal("+18003569377", check.E164);
        Assert.Equal("landline", check.PhoneType);
    }

    [Fact]
    public void Blank_is_no_number_and_no_problem()
    {
        Assert.Same(PhoneCheck.Blank, UsPhoneNumbers.Check("  "));
        Assert.Null(UsPhoneNumbers.Check(null).Problem);
    }

    [Theory]
    [InlineData("+15122345678", true)]
    [InlineData("+12125550200", true)]   // 555 outside the 01xx block is assignable
    [InlineData("+12125550199", false)]  // fictional 555-01xx
    [InlineData("+15121111234", false)]  // exchange cannot start with 1
    [InlineData("+19115551234", false)]  // 911 is not an area code
    [InlineData("+14165551234", true)]   // Toronto: a valid North American number
    [InlineData("+442079460958", true)]
    [InlineData("+1512234567", false)]
    [InlineData("15122345678", false)]   // not written in E.164
    [InlineData("+1 512 234 5678", false)]
    [InlineData(null, false)]
    public void IsValidE164(string? number, bool expected) => Assert.Equal(expected, UsPhoneNumbers.IsValidE164(number));

    [Theory]
    [InlineData("+13172459654", "(317) 245-9654")]
    [InlineData("317.245.9654", "(317) 245-9654")]
    [InlineData("+14162451234", "(416) 245-1234")]
    [InlineData("+442079460958", "+44 20 7946 0958")]
    [InlineData("+4915123456789", "+49 1512 3456789")]
    [InlineData("011 44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("1-800-245-1234", "(800) 245-1234")]
    [InlineData("317-245-9654 x12", "(317) 245-9654 ext. 12")]
    [InlineData("(512) 555-0123", "(512) 555-0123")]      // fictional, but still a well-formed number to read
    [InlineData("  +13172459654 ", "(317) 245-9654")]
    [InlineData("ask for Bob", "ask for Bob")]            // junk is shown as typed
    [InlineData("245-9654", "245-9654")]
    [InlineData("+44 20 7946", "+44 20 7946")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Display_format(string? stored, string shown) => Assert.Equal(shown, PhoneDisplay.Format(stored));

    [Theory]
    [InlineData("+13172459654", "mobile", true, null)]
    [InlineData("+13172459654", "mobile", false, "opted out of texts")]
    [InlineData("+13172459654", "landline", false, "landline: cannot text")]
    [InlineData("+13172459654", "voip", false, "VoIP: cannot text")]
    [InlineData("+13172459654", null, false, "not marked as a mobile: cannot text")]
    [InlineData(null, "landline", false, null)]   // no usable number: the number's own problem says why
    public void Why_a_number_cannot_take_texts(string? e164, string? phoneType, bool eligible, string? problem) =>
        Assert.Equal(problem, PhoneDisplay.SmsProblem(e164, phoneType, eligible));

    [Theory]
    [InlineData("Dana Ruiz", "dana@example.com", "+13172459654", "Dana Ruiz")]
    [InlineData(null, "dana@example.com", "+13172459654", "dana@example.com")]
    [InlineData(null, null, "+13172459654", "(317) 245-9654")]   // a texter known only by the number
    [InlineData(null, null, "+442079460958", "+44 20 7946 0958")]
    [InlineData(null, null, "call me", "call me")]
    [InlineData(null, null, " ", "(no name)")]
    [InlineData(null, null, null, "(no name)")]
    public void A_contact_known_only_by_a_number_is_named_by_it_formatted(string? fullName, string? email, string? phone, string name) =>
        Assert.Equal(name, ContactRules.DisplayName(fullName, email, phone));

    [Fact]
    public void FormatNational() => Assert.Equal("(512) 234-5678", UsPhoneNumbers.FormatNational("+15122345678"));

    [Fact]
    public void Generated_numbers_are_valid_and_have_a_time_zone()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var e164 = UsPhoneNumbers.Generate(random);
            Assert.True(UsPhoneNumbers.IsValidE164(e164), e164);
            Assert.NotNull(UsPhoneNumbers.TimeZoneOf(e164));
        }
        Assert.StartsWith("+1907", UsPhoneNumbers.Generate(random, "907"));
    }
}

public class AreaCodeTimeZoneTests
{
    [Theory]
    [InlineData("212", "America/New_York")]
    [InlineData("312", "America/Chicago")]
    [InlineData("602", "America/Phoenix")]
    [InlineData("303", "America/Denver")]
    [InlineData("415", "America/Los_Angeles")]
    [InlineData("907", "America/Anchorage")]
    [InlineData("808", "Pacific/Honolulu")]
    [InlineData("915", "America/Denver")]   // El Paso
    [InlineData("850", "America/Chicago")]  // Florida Panhandle
    [InlineData("219", "America/Chicago")]  // NW Indiana
    [InlineData("317", "America/New_York")]
    [InlineData("787", "America/Puerto_Rico")]
    [InlineData("416", null)]               // Canada
    [InlineData("555", null)]
    public void ForAreaCode(string code, string? zone) => Assert.Equal(zone, AreaCodeTimeZones.ForAreaCode(code));

    [Fact]
    public void Table_is_broad_well_formed_and_every_zone_resolves()
    {
        Assert.True(AreaCodeTimeZones.All.Count > 330, $"only {AreaCodeTimeZones.All.Count} codes");
        Assert.Equal(51, AreaCodeTimeZones.All.Values.Select(v => v.State).Distinct().Count(s => s is not ("PR" or "VI" or "GU" or "MP" or "AS")));
        foreach (var (code, info) in AreaCodeTimeZones.All)
        {
            Assert.Matches("^[2-9][0-9][0-9]$", code);
            Assert.False(code[1..] == "11", code);
            Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone));
        }
        Assert.Contains("512", AreaCodeTimeZones.InState("TX"));
        Assert.DoesNotContain("787", AreaCodeTimeZones.StateAreaCodes);
    }
}

/// <summary>What the contact service stores for a typed number: the row a user's screen and the SMS composer read.</summary>
public class ContactPhoneTests
{
    static async Task<(string? E164, string? Type, string? Zone, bool Sms, string? Phone)> SaveAsync(Services services, string userId, string phone, string? phoneType)
    {
        var contact = await services.Get<ContactService>().CreateAsync(new ContactInput("Pat", "Phone", Phone: phone, PhoneType: phoneType), userId);
        await using var db = services.Db();
        var row = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id);
        return (row.PhoneE164, row.PhoneType, row.Timezone, row.IsSmsEligible, row.Phone);
    }

    [Fact]
    public async Task The_number_s_own_line_type_and_zone_feed_phone_type_time_zone_and_SMS_eligibility()
    {
        var f = await WorkFixture.CreateAsync();
        // A US number: the library cannot tell, so the chosen type stands.
        Assert.Equal(("+15122459654", "mobile", "America/Chicago", true, "(512) 245-9654"), await SaveAsync(f.Services, f.Author.Id, "(512) 245-9654", "mobile"));
        Assert.Equal(("+15122459655", "landline", "America/Chicago", false, "512-245-9655"), await SaveAsync(f.Services, f.Author.Id, "512-245-9655", "landline"));
        // A UK mobile typed as a landline is a mobile, and can be texted.
        Assert.Equal(("+447911123456", "mobile", null, true, "+44 7911 123456"), await SaveAsync(f.Services, f.Author.Id, "+44 7911 123456", "landline"));
        // A toll-free line left as the default "mobile" is not textable.
        Assert.Equal(("+18002451234", "landline", null, false, "1-800-245-1234"), await SaveAsync(f.Services, f.Author.Id, "1-800-245-1234", "mobile"));
        // Invalid and fictional numbers are kept as typed, with no E.164 and no SMS (a fictional one keeps its area code's zone).
        Assert.Equal((null, "mobile", "America/Chicago", false, "(512) 555-0123"), await SaveAsync(f.Services, f.Author.Id, "(512) 555-0123", "mobile"));
        Assert.Equal((null, "mobile", null, false, "ask for Bob"), await SaveAsync(f.Services, f.Author.Id, "ask for Bob", "mobile"));
    }
}
