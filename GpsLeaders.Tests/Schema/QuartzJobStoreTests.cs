using GpsLeaders.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GpsLeaders.Tests.Schema;

/// <summary>Migration 0002 is the job store Quartz 4.7.3 expects: it validates the schema at start and runs a job from it.</summary>

public sealed class QuartzJobStoreTests
{
    [Fact]
    public async Task Clustered_scheduler_validates_the_migrated_job_store_and_fires_a_job()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => q.UsePersistentStore(store =>
        {
            store.UsePostgres(cs);
            store.UseClustering();
        }));
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            var job = JobBuilder.Create<CountingJob>().WithIdentity("schema-check").Build();
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build());
            Assert.True(await CountingJob.Fired.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private sealed class CountingJob : IJob
    {
        public static readonly TaskCompletionSource<bool> Fired = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fired.TrySetResult(true);
            return ValueTask.CompletedTask;
        }
    }
}
