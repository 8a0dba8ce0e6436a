using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Tasks;

public class TaskServiceTests
{
    [Fact]
    public async Task A_task_needs_a_title_and_an_owner_record()
    {
        var f = await WorkFixture.CreateAsync();
        var tasks = f.Services.Get<TaskService>();
        var noTitle = await Assert.ThrowsAsync<ValidationFailedException>(() => tasks.CreateAsync(new TaskInput(" ", null, CompanyId: f.Company.Id), f.Author.Id));
        Assert.True(noTitle.Errors.ContainsKey("title"));
        var nowhere = await Assert.ThrowsAsync<ValidationFailedException>(() => tasks.CreateAsync(new TaskInput("Call back", null), f.Author.Id));
        Assert.True(nowhere.Errors.ContainsKey("companyId"));
    }

    [Fact]
    public async Task Completing_a_task_dates_it_and_a_stale_second_completion_is_a_conflict()
    {
        var f = await WorkFixture.CreateAsync();
        var tasks = f.Services.Get<TaskService>();
        var due = new DateTime(2026, 11, 21, 17, 0, 0, DateTimeKind.Utc);
        var task = await tasks.CreateAsync(new TaskInput("Send quote", due, TaskPriority.HIGH, AssignedToId: f.Other.Id, CompanyId: f.Company.Id), f.Author.Id);

        await tasks.CompleteAsync(task.Id, task.Version, f.Other.Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => tasks.ReopenAsync(task.Id, task.Version, f.Author.Id));

        await using var db = f.Services.Db();
        var saved = await db.Tasks.SingleAsync();
        Assert.True(saved.IsCompleted);
        Assert.Equal(f.Clock.Now.UtcDateTime, saved.CompletedAt);
        Assert.Equal(due, saved.DueAt);
        Assert.Equal(f.Other.Id, saved.AssignedToId);
        Assert.Equal(["task.completed", "task.created"], await db.Activities.Where(a => a.ActivityType.StartsWith("task."))
            .OrderBy(a => a.ActivityType).Select(a => a.ActivityType).ToListAsync());
    }
}
