using GpsLeaders.Data.Tags;

namespace GpsLeaders.Tests.Tags;

/// <summary>A tag chip's text stays readable on whatever colour the admin gave the tag.</summary>
public class TagColoursTests
{
    [Theory]
    [InlineData("#1e40af", "#ffffff")] // dark blue: white text
    [InlineData("#000", "#ffffff")]
    [InlineData("#a3e635", "#111827")] // lime: dark text (white on it fails contrast)
    [InlineData("#FDE047", "#111827")]
    [InlineData("nope", null)]
    [InlineData(null, null)]
    public void Text_is_white_on_dark_tags_and_dark_on_light_ones(string? background, string? text) =>
        Assert.Equal(text, TagColours.TextOn(background));
}
