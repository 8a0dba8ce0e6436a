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

    [Fact]
    public async Task An_admin_sees_the_team_s_overdue_tasks_with_the_dashboard_s_count_and_can_narrow_to_one_rep()
    {
        string repId, repName, companyId;
        await using (var db = Db())
        {
            var rep = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).SingleAsync();
            (repId, repName) = (rep.Id, rep.Name);
            companyId = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        }
        await Service<TaskService>().CreateAsync(new TaskInput("Chase the fleet manager's signature", DateTime.UtcNow.AddDays(-3), TaskPriority.HIGH, CompanyId: companyId), repId);

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/");
        var dashboardCount = page.Locator("[data-testid=count-overdue-tasks]");
        await Assertions.Expect(dashboardCount).Not.ToHaveTextAsync("…");
        var overdueOnDashboard = (await dashboardCount.InnerTextAsync()).Trim();
        Assert.NotEqual("0", overdueOnDashboard);

        await OpenAsync(page, "/tasks");
        var repTask = page.Locator("[data-testid=task-row]", new() { HasText = "Chase the fleet manager's signature" });
        var overdueTab = page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Overdue") });
        await Assertions.Expect(overdueTab).ToBeVisibleAsync();
        await Assertions.Expect(repTask).ToHaveCountAsync(0); // Mine: the admin's own only

        await ChosenAsync(page, "tasks-mine", "tasks-team");
        await page.ClickAsync("[data-testid=tasks-team]");
        // The chosen scope is drawn filled (a button group's own variant drew both alike).
        await Assertions.Expect(page.Locator("[data-testid=tasks-team]")).ToHaveAttributeAsync("aria-pressed", "true");
        await ChosenAsync(page, "tasks-team", "tasks-mine");
        await Assertions.Expect(overdueTab).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"Overdue \\({System.Text.RegularExpressions.Regex.Escape(overdueOnDashboard)}\\)"));
        await overdueTab.ClickAsync();
        await Assertions.Expect(repTask).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=tasks-rep]");
        await page.Locator("[data-testid=tasks-rep-option]", new() { HasText = repName }).ClickAsync();
        int repOverdue;
        await using (var db = Db()) repOverdue = await TaskQueries.Overdue(db.Tasks.Where(t => t.AssignedToId == repId), DateTime.UtcNow).CountAsync();
        await Assertions.Expect(overdueTab).ToHaveTextAsync($"Overdue ({repOverdue:N0})");
        await Assertions.Expect(repTask).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=task-row]")).ToHaveCountAsync(Math.Min(repOverdue, 200));
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_tasks_even_when_the_address_asks_for_the_team()
    {
        string otherId, companyId;
        await using (var db = Db())
        {
            otherId = await db.Users.Where(u => u.Email == "rep2@gpsleaders.test").Select(u => u.Id).SingleAsync();
            companyId = await db.Companies.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        }
        await Service<TaskService>().CreateAsync(new TaskInput("Someone else's overdue call", DateTime.UtcNow.AddDays(-1), CompanyId: companyId), otherId);

        var page = await SignedInAsync("rep1@gpsleaders.test");
        await OpenAsync(page, $"/tasks?view=team&rep={otherId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Overdue") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=tasks-team]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=tasks-rep]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=task-row]", new() { HasText = "Someone else's overdue call" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("h1", new() { HasText = "My tasks" })).ToBeVisibleAsync();
    }

    /// <summary>The chosen toggle is drawn with a solid background, the other without (as a user tells them apart).</summary>
    static async Task ChosenAsync(IPage page, string chosen, string other)
    {
        const string none = "rgba(0, 0, 0, 0)";
        await Assertions.Expect(page.Locator($"[data-testid={chosen}]")).Not.ToHaveCSSAsync("background-color", none);
        await Assertions.Expect(page.Locator($"[data-testid={other}]")).ToHaveCSSAsync("background-color", none);
    }
}
