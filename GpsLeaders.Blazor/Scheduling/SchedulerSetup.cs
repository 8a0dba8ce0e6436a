using Quartz;

namespace GpsLeaders.Blazor.Scheduling;

/// <summary>
/// Quartz.NET on its PostgreSQL job store in clustered mode: several app instances share the qrtz_ tables
/// (created by our migrations) and a trigger fires on exactly one of them. Later features add jobs with
/// <see cref="AddCrmJob{TJob}"/>.
/// </summary>
public static class SchedulerSetup
{
    public const string JobGroup = "crm";

    /// <summary>Instances that share a name form one cluster (Quartz also keys its in-process registry by it).</summary>
    public static string SchedulerName(IConfiguration config) => config["Scheduler:Name"] is { Length: > 0 } name ? name : "GpsLeaders";

    public static IServiceCollection AddCrmScheduler(this IServiceCollection services, IConfiguration config, Action<IQuartzBuilder>? jobs = null)
    {
        var checkin = TimeSpan.FromSeconds(config.GetValue("Scheduler:CheckinSeconds", 10));
        services.AddSingleton<JobRunRecorder>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName(config);
                s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                // Connections come from the NpgsqlDataSource registered for AppDatabase, resolved at start.
                store.UsePostgres(pg => pg.UseRegisteredDataSource = true);
                store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                store.UseClustering(c =>
                {
                    c.CheckinInterval = checkin;
                    c.CheckinMisfireThreshold = checkin * 2;
                });
            });
            q.AddJobListener(sp => sp.GetRequiredService<JobRunRecorder>(), []);
            q.AddCrmJob<SchedulerHeartbeatJob>(SchedulerHeartbeatJob.Name, "Records that the scheduler is alive (read by /healthz)",
                TimeSpan.FromSeconds(config.GetValue("Scheduler:HeartbeatSeconds", 30)));
            q.AddCrmJob<Leads.LeadScoreJob>(Leads.LeadScoreJob.Name, "Recomputes every lead's quality, engagement and deal risk", TimeSpan.FromHours(1));
            q.AddCrmJob<Inbox.Email.EmailSyncJob>(Inbox.Email.EmailSyncJob.Name, "Pulls new mail from every active Gmail account into the inbox",
                TimeSpan.FromMinutes(config.GetValue("Gmail:SyncMinutes", 2)));
            jobs?.Invoke(q);
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return services;
    }

    /// <summary>Registers a durable job that repeats every <paramref name="every"/>; the description shows on the jobs page.</summary>
    public static IQuartzBuilder AddCrmJob<TJob>(this IQuartzBuilder q, string name, string description, TimeSpan every) where TJob : IJob =>
        q.AddCrmJob<TJob>(name, description, t => t.WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()));

    /// <summary>Registers a durable job with one trigger built by <paramref name="schedule"/> (e.g. a cron schedule).</summary>
    public static IQuartzBuilder AddCrmJob<TJob>(this IQuartzBuilder q, string name, string description, Func<ITriggerConfigurator<TJob>, ITriggerConfigurator<TJob>> schedule) where TJob : IJob
    {
        var key = new JobKey(name, JobGroup);
        q.AddJob<TJob>(j => j.WithIdentity(key).WithDescription(description).StoreDurably(true));
        q.AddTrigger<TJob>(t => schedule(t.ForJob(key).WithIdentity(name, JobGroup).StartNow()));
        return q;
    }
}
