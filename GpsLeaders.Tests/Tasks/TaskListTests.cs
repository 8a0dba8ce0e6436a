using Bunit;
using GpsLeaders.Blazor.Platform;
using GpsLeaders.Blazor.Tasks;
using GpsLeaders.Data.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Tasks;

/// <summary>The task list: an open task past its due time says so, a done one is struck through, priorities read as words, and the checkbox hands the row up.</summary>
public sealed class TaskListTests : ComponentTest
{
    static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    static TaskRow Row(string id, string title, DateTime? due, TaskPriority priority = TaskPriority.NORMAL, bool done = false) =>
        new(id, 1, title, due, priority, done, "Diego Alvarez", "c1", "A-1 Roofing", null);

    [Fact]
    public async Task Overdue_open_tasks_say_so_and_ticking_one_hands_it_up()
    {
        Services.AddSingleton<TimeProvider>(new ManualClock(Now));
        Services.AddScoped<ViewerTime>();
        TaskRow? toggled = null;
        var rows = new List<TaskRow>
        {
            Row("late", "Chase the signed agreement", Now.UtcDateTime.AddHours(-2), TaskPriority.URGENT),
            Row("soon", "Call back about the quote", Now.UtcDateTime.AddHours(2), TaskPriority.HIGH),
            Row("done", "Send the quote", Now.UtcDateTime.AddDays(-1), TaskPriority.NORMAL, done: true),
            Row("someday", "Ask for a referral", null, TaskPriority.LOW),
        };
        var list = Render<TaskList>(p => p.Add(l => l.Rows, rows).Add(l => l.OnToggle, r => toggled = r));

        string Due(string id) => list.Find($"[data-task-id={id}] [data-testid=task-due-text]").TextContent.Trim();
        Assert.StartsWith("overdue since Mar 10, 2026 1:00 PM", Due("late"));
        Assert.StartsWith("due Mar 10, 2026 5:00 PM", Due("soon"));
        Assert.StartsWith("due ", Due("done")); // done is done: not overdue
        Assert.Contains("crm-done", list.Find("[data-task-id=done] [data-testid=task-row-title]").ClassName);
        Assert.DoesNotContain("crm-done", list.Find("[data-task-id=late] [data-testid=task-row-title]").ClassName);
        Assert.Equal("no due date", Due("someday"));
        Assert.Equal(["Urgent", "High", "Normal", "Low"], list.FindAll("[data-testid=task-priority-chip]").Select(c => c.TextContent.Trim()));

        await list.InvokeAsync(() => list.Find("[data-task-id=soon] input[type=checkbox]").Change(true));
        Assert.Equal("soon", toggled?.Id);
    }
}
