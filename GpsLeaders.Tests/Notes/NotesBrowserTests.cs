using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Notes;

/// <summary>A company's notes as a user writes them, and how they show on the timeline.</summary>
public class NotesBrowserTests : BrowserTest
{
    [Fact]
    public async Task A_note_with_script_and_html_shows_as_text_and_on_the_timeline()
    {
        string companyId;
        await using (var db = Db()) companyId = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, $"/companies/{companyId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notes" }).ClickAsync();

        const string body = "<script>window.__pwned = 1</script><b>bold</b> & <img src=x onerror=\"window.__pwned = 2\">";
        await page.FillAsync("[data-testid=note-input] textarea, textarea[data-testid=note-input]", body);
        await page.ClickAsync("[data-testid=note-add]");

        var note = page.Locator("[data-testid=note-body]").First;
        await Assertions.Expect(note).ToHaveTextAsync(body);
        Assert.Equal(0, await note.Locator("b, img, script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));

        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-kind=Note]").First).ToContainTextAsync("<script>");
        // Once: as the note itself, not also as the "added a note" activity written with it.
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry]", new() { HasText = "<script>" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-type='note.added']")).ToHaveCountAsync(0);
    }
}
