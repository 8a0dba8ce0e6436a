using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Seeding;

namespace GpsLeaders.Tests.Seeding;

public class LuhnTests
{
    [Theory]
    [InlineData("7992739871", 3)]       // the textbook example
    [InlineData("49015420323751", 8)]   // IMEI 490154203237518
    [InlineData("8901410000000000000", 4)]
    public void CheckDigit_matches_known_vectors(string payload, int expected) =>
        Assert.Equal(expected, Luhn.CheckDigit(payload));

    [Theory]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    [InlineData("490154203237518", true)]
    [InlineData("490154203237519", false)]
    [InlineData("4901542032375l8", false)]
    [InlineData("0", false)]
    public void IsValid(string number, bool expected) => Assert.Equal(expected, Luhn.IsValid(number));

    [Fact]
    public void CheckDigit_rejects_non_digits() => Assert.Throws<ArgumentException>(() => Luhn.CheckDigit("12a4"));
}

public class DeviceIdentifierTests
{
    [Fact]
    public void Imei_from_serial_is_tac_serial_and_check_digit() =>
        Assert.Equal("862448060000427", Imei.FromSerial(42));

    [Fact]
    public void Generated_imeis_are_15_digit_luhn_valid_gl300_numbers()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var imei = Imei.Generate(random);
            Assert.Equal(15, imei.Length);
            Assert.StartsWith(Imei.Gl300Tac, imei);
            Assert.True(Luhn.IsValid(imei), imei);
            Assert.True(Imei.IsValid(imei));
        }
        Assert.False(Imei.IsValid("862448060000428"));
        Assert.False(Imei.IsValid("86244806000042"));
    }

    [Theory]
    [InlineData("att", 0L, 20, "89014100000000000004")]
    [InlineData("t-mobile", 123456789012L, 20, "89012601234567890121")]
    [InlineData("verizon", 12345678901L, 19, "8901480123456789015")]
    public void Iccid_from_account_matches_known_vectors(string carrier, long account, int length, string expected) =>
        Assert.Equal(expected, Iccid.FromAccount(carrier, account, length));

    [Fact]
    public void Generated_iccids_start_8901_and_pass_luhn()
    {
        var random = new Random(11);
        foreach (var carrier in Iccid.IssuerByCarrier.Keys)
            foreach (var length in new[] { 19, 20 })
                for (var i = 0; i < 200; i++)
                {
                    var iccid = Iccid.Generate(random, carrier, length);
                    Assert.Equal(length, iccid.Length);
                    Assert.StartsWith("8901" + Iccid.IssuerByCarrier[carrier], iccid);
                    Assert.True(Iccid.IsValid(iccid), iccid);
                }
        Assert.False(Iccid.IsValid("89014100000000000005"));
        Assert.False(Iccid.IsValid("89440000000000000008"));
    }
}

public class UsPhoneNumberTests
{
    [Theory]
    [InlineData("+15122345678", true)]
    [InlineData("+12125550200", true)]   // 555 outside the 01xx block is assignable
    [InlineData("+12125550199", false)]  // fictional 555-01xx
    [InlineData("+15121111234", false)]  // exchange cannot start with 1
    [InlineData("+15124111234", false)]  // N11 exchange
    [InlineData("+19115551234", false)]  // 911 is not an area code
    [InlineData("+14165551234", false)]  // Toronto: NANP but not US
    [InlineData("+1512234567", false)]
    [InlineData("15122345678", false)]
    [InlineData(null, false)]
    public void IsValidE164(string? number, bool expected) => Assert.Equal(expected, UsPhoneNumbers.IsValidE164(number));

    [Fact]
    public void Generated_numbers_are_valid_and_have_a_time_zone()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var e164 = UsPhoneNumbers.Generate(random);
            Assert.True(UsPhoneNumbers.IsValidE164(e164), e164);
            Assert.NotNull(AreaCodeTimeZones.ForPhone(e164));
        }
        Assert.StartsWith("+1907", UsPhoneNumbers.Generate(random, "907"));
    }

    [Fact]
    public void FormatNational() => Assert.Equal("(512) 234-5678", UsPhoneNumbers.FormatNational("+15122345678"));
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

    [Theory]
    [InlineData("(512) 234-5678", "America/Chicago")]
    [InlineData("+1 206 234 0100", "America/Los_Angeles")]
    [InlineData("1-617-234-0100", "America/New_York")]
    [InlineData("+44 20 7946 0958", null)]
    [InlineData("234-0100", null)]
    [InlineData("", null)]
    public void ForPhone(string phone, string? zone) => Assert.Equal(zone, AreaCodeTimeZones.ForPhone(phone));

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

public class NormalizationTests
{
    [Theory]
    [InlineData("Acme Towing, LLC", "acme towing")]
    [InlineData("ACME TOWING L.L.C.", "acme towing")]
    [InlineData("  Joe's   Plumbing & Heating, Inc. ", "joes plumbing and heating")]
    [InlineData("Smith Brothers Trucking Co., Inc.", "smith brothers trucking")]
    [InlineData("Smith Brothers Trucking Company", "smith brothers trucking")]
    [InlineData("Café Olé Delivery Corp.", "cafe ole delivery")]
    [InlineData("Co-Op Landscaping Ltd", "co op landscaping")]
    [InlineData("Rapid Courier Incorporated", "rapid courier")]
    [InlineData("Desert HVAC Corporation", "desert hvac")]
    [InlineData("Company", "company")]
    [InlineData("Inc.", "inc")]
    public void CompanyName_Normalize(string name, string expected) => Assert.Equal(expected, CompanyName.Normalize(name));

    [Fact]
    public void Same_business_spelled_differently_matches() =>
        Assert.Equal(CompanyName.Normalize("A&B Pest Control, Inc."), CompanyName.Normalize("a and b pest control"));

    [Theory]
    [InlineData("  John.Doe@Example.COM ", "john.doe@example.com")]
    [InlineData("ops@fleet.io", "ops@fleet.io")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void EmailAddress_Normalize(string? email, string? expected) => Assert.Equal(expected, EmailAddress.Normalize(email));
}
