using Bunit;
using GpsLeaders.Blazor.Contacts;

namespace GpsLeaders.Tests.Contacts;

/// <summary>The one phone component: the number formatted, a tel: link to the E.164, and a flag that says why in words.</summary>
public sealed class PhoneNumberComponentTests : ComponentTest
{
    IRenderedComponent<PhoneNumber> Show(string? number, bool? sms = null, string? type = null, bool link = true, string? missing = null) =>
        Render<PhoneNumber>(p => p.Add(x => x.Number, number).Add(x => x.SmsEligible, sms).Add(x => x.PhoneType, type)
            .Add(x => x.Link, link).Add(x => x.Missing, missing));

    [Fact]
    public void A_US_number_stored_as_E164_is_shown_in_US_style_and_dials_the_E164()
    {
        var shown = Show("+13172459654");
        var link = shown.Find("a[data-testid=phone-number]");
        Assert.Equal("(317) 245-9654", link.TextContent);
        Assert.Equal("tel:+13172459654", link.GetAttribute("href"));
        Assert.Empty(shown.FindAll("[data-testid=phone-flag]"));
    }

    [Fact]
    public void An_international_number_is_shown_in_international_format()
    {
        var shown = Show("011 44 20 7946 0958");
        Assert.Equal("+44 20 7946 0958", shown.Find("[data-testid=phone-number]").TextContent);
        Assert.Equal("tel:+442079460958", shown.Find("[data-testid=phone-number]").GetAttribute("href"));
    }

    [Fact]
    public void A_fictional_number_says_so_in_words_and_is_not_a_link()
    {
        var shown = Show("(512) 555-0123", sms: false, type: "mobile");
        Assert.Empty(shown.FindAll("a"));
        Assert.Equal("(512) 555-0123", shown.Find("[data-testid=phone-number]").TextContent);
        Assert.Equal("⚠ 555-01xx numbers are fictional", shown.Find("[data-testid=phone-flag]").TextContent);
        Assert.Single(shown.FindAll("[data-testid=phone-flag]")); // the number's problem, not also an SMS one
    }

    [Fact]
    public void Junk_is_shown_as_typed_with_the_reason()
    {
        var shown = Show("ask for Bob");
        Assert.Equal("ask for Bob", shown.Find("[data-testid=phone-number]").TextContent);
        Assert.Equal("⚠ not a phone number", shown.Find("[data-testid=phone-flag]").TextContent);
        Assert.Contains("not a valid US number", Show("(211) 245-1234").Find("[data-testid=phone-flag]").TextContent);
    }

    [Fact]
    public void A_landline_says_it_cannot_take_texts()
    {
        var shown = Show("(317) 245-9654", sms: false, type: "landline");
        Assert.Equal("(317) 245-9654", shown.Find("a[data-testid=phone-number]").TextContent);
        Assert.Equal("landline: cannot text", shown.Find("[data-testid=phone-flag]").TextContent);
    }

    [Fact]
    public void A_textable_mobile_says_so_and_an_opted_out_one_says_why_not()
    {
        Assert.Equal("· texts ok", Show("+13172459654", sms: true, type: "mobile").Find("[data-testid=phone-sms-ok]").TextContent);
        Assert.Equal("opted out of texts", Show("+13172459654", sms: false, type: "mobile").Find("[data-testid=phone-flag]").TextContent);
    }

    [Fact]
    public void Without_a_link_the_E164_is_the_title_and_without_a_number_the_missing_text_shows()
    {
        var shown = Show("+13172459654", link: false);
        Assert.Empty(shown.FindAll("a"));
        Assert.Equal("+13172459654", shown.Find("[data-testid=phone-number]").GetAttribute("title"));
        Assert.Equal("no phone", Show(null, missing: "no phone").Find("[data-testid=phone-missing]").TextContent);
        Assert.Equal("", Show("  ").Markup.Trim());
    }
}
