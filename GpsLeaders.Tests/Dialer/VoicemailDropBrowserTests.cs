using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Dialer;

/// <summary>An administrator uploads a voicemail drop and adds a linked one; the audio is only for signed-in staff; one default.</summary>
public class VoicemailDropBrowserTests : BrowserTest
{
    readonly string _audioDir = Path.Combine(Path.GetTempPath(), "vm-browser-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IDictionary<string, string?>? AppSettings => new Dictionary<string, string?> { ["Voicemail:AudioDir"] = _audioDir };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_audioDir)) Directory.Delete(_audioDir, recursive: true);
    }

    [Fact]
    public async Task Upload_a_drop_it_is_served_to_a_signed_in_user_and_refused_to_an_anonymous_one_and_one_is_default()
    {
        var wav = VoicemailDropServiceTests.Wav();
        var page = await SignedInAsync("admin@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-voicemail-drops]");
        await page.FillAsync("[data-testid=vm-name]", "Spring promo");
        await page.FillAsync("[data-testid=vm-duration]", "12");
        await page.PressAsync("[data-testid=vm-duration]", "Tab");
        await page.SetInputFilesAsync("[data-testid=vm-file]", new FilePayload { Name = "intro.wav", MimeType = "audio/wav", Buffer = wav });
        await page.ClickAsync("[data-testid=vm-add]");

        // The demo data has three linked drops, "Intro: …" the default; a new one is not, unless asked.
        var intro = page.Locator("[data-testid=vm-row]", new() { HasText = "Spring promo" });
        await Assertions.Expect(intro).ToBeVisibleAsync();
        await Assertions.Expect(intro.Locator("[data-testid=vm-row-make-default]")).ToBeVisibleAsync();
        var id = await intro.GetAttributeAsync("data-drop-id") ?? "";
        Assert.True(File.Exists(Path.Combine(_audioDir, id + ".wav")),
            $"{id}.wav not in {_audioDir}: {string.Join(", ", Directory.Exists(_audioDir) ? Directory.GetFiles(_audioDir) : [])}");

        var signedIn = await page.APIRequest.GetAsync($"/voicemail/{id}");
        Assert.Equal(200, signedIn.Status);
        Assert.StartsWith("audio/wav", signedIn.Headers["content-type"]);
        Assert.Equal(wav, await signedIn.BodyAsync());

        using (var anonymous = App.CreateRealClient())
        {
            var refused = await anonymous.GetAsync($"/voicemail/{id}");
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("/account/signin", refused.Headers.Location?.ToString() ?? "");
            Assert.NotEqual("audio/wav", refused.Content.Headers.ContentType?.MediaType);
        }

        await page.CheckAsync("[data-testid=vm-source-url]");
        await page.FillAsync("[data-testid=vm-name]", "Summer follow-up");
        await page.FillAsync("[data-testid=vm-url]", "https://cdn.example.com/vm/follow-up.mp3");
        await page.CheckAsync("[data-testid=vm-default]");
        await page.ClickAsync("[data-testid=vm-add]");
        var followUp = page.Locator("[data-testid=vm-row]", new() { HasText = "Summer follow-up" });
        await Assertions.Expect(followUp.Locator("[data-testid=vm-row-default]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=vm-row-default]")).ToHaveCountAsync(1);

        await intro.Locator("[data-testid=vm-row-make-default]").ClickAsync();
        await Assertions.Expect(intro.Locator("[data-testid=vm-row-default]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=vm-row-default]")).ToHaveCountAsync(1);
        await using var db = Db();
        Assert.Equal([id], await db.VoicemailDrops.Where(d => d.IsDefault).Select(d => d.Id).ToListAsync());
    }
}
