using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Browser;

/// <summary>Notes, tasks, timelines and lists as a user meets them.</summary>
public class WorkTests : BrowserTest
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
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-type='note.added']").First).ToContainTextAsync("added a note");
    }

    [Fact]
    public async Task My_tasks_show_today_and_overdue_work_and_completing_one_removes_it()
    {
        string repId, companyId;
        await using (var db = Db())
        {
            repId = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => u.Id).SingleAsync();
            companyId = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        }
        var tasks = Service<TaskService>();
        await tasks.CreateAsync(new TaskInput("Call back about the quote", DateTime.UtcNow.AddMinutes(30), TaskPriority.HIGH, CompanyId: companyId), repId);
        await tasks.CreateAsync(new TaskInput("Chase the signed agreement", DateTime.UtcNow.AddDays(-2), CompanyId: companyId), repId);

        var page = await SignedInAsync("rep2@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-tasks]");
        var overdue = page.Locator("[data-testid=task-row]", new() { HasText = "Chase the signed agreement" });
        await Assertions.Expect(overdue).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Today") }).ClickAsync();
        var today = page.Locator("[data-testid=task-row]", new() { HasText = "Call back about the quote" });
        await Assertions.Expect(today).ToBeVisibleAsync();

        await today.Locator("[data-testid=task-done]").ClickAsync();
        await Assertions.Expect(today).ToHaveCountAsync(0);
        await using (var db = Db())
            Assert.True(await db.Tasks.Where(t => t.Title == "Call back about the quote").Select(t => t.IsCompleted).SingleAsync());
    }

    [Fact]
    public async Task An_admin_adds_reorders_and_deactivates_a_list_value()
    {
        var page = await SignedInAsync("admin@gpsleaders.test");
        await page.ClickAsync("[data-testid=nav-taxonomy]");
        await WaitForCircuitAsync(page);
        await page.FillAsync("input[data-testid=taxonomy-new], [data-testid=taxonomy-new] input", "Snow removal");
        await page.ClickAsync("[data-testid=taxonomy-add]");
        var row = page.Locator("[data-testid=taxonomy-row]", new() { HasText = "Snow removal" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await page.FillAsync("input[data-testid=taxonomy-new], [data-testid=taxonomy-new] input", "snow REMOVAL");
        await page.ClickAsync("[data-testid=taxonomy-add]");
        await Assertions.Expect(page.Locator("[data-testid=taxonomy-error]")).ToContainTextAsync("already");

        var rows = page.Locator("[data-testid=taxonomy-row]");
        var count = await rows.CountAsync();
        await Assertions.Expect(rows.Nth(count - 1)).ToContainTextAsync("Snow removal");
        await row.GetByRole(AriaRole.Button, new() { Name = "Move Snow removal up" }).ClickAsync();
        await Assertions.Expect(rows.Nth(count - 2)).ToContainTextAsync("Snow removal");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=taxonomy-active]")).ToHaveTextAsync("no");
        await using var db = Db();
        var value = await db.TaxonomyValues.SingleAsync(v => v.Value == "Snow removal");
        Assert.False(value.Active);
        var last = await db.TaxonomyValues.Where(v => v.Type == value.Type).MaxAsync(v => v.SortOrder);
        Assert.True(value.SortOrder < last);
    }
}
