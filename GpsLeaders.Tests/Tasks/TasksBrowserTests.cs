using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Tasks;

/// <summary>My tasks as a rep works through them.</summary>
public class TasksBrowserTests : BrowserTest
{
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
}
