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
