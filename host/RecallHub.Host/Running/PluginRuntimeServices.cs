using Mediator;
using Quartz;
using RecallHub.Host.Digest;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.Running;

/// <summary>Registers what runs the plugins: their start, the sources' schedules and the sinks' delivery.</summary>
internal static class PluginRuntimeServices
{
    /// <summary>The time zone of the schedules: a pharmacy's mornings are French mornings, summer time included.</summary>
    public static readonly TimeZoneInfo ScheduleTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Starts the loaded plugins of <paramref name="catalog"/>, schedules each pull source that has a schedule and
    /// the daily digest, and delivers the outbox to the sinks. Call after the engine is registered.
    /// </summary>
    public static IServiceCollection AddPluginRuntime(this IServiceCollection services, PluginCatalog catalog, TimeProvider time, string hubVersion, DigestOptions digest, ScheduleStore schedules)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(schedules);
        services.AddSingleton<RunningPlugins>();
        services.AddSingleton<SourcePull>();
        services.AddSingleton<SinkDelivery>();
        services.AddSingleton<PackVerifications>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(OutboxSignalBehavior<,>));
        services.AddHttpClient();
        services.AddPluginHttpClients(catalog.Loaded.Select(p => p.Entry.Id), hubVersion);

        // Registration order is start order: plugins start before the schedule can fire a pull of one of them.
        services.AddHostedService<PluginStarter>();
        services.AddDailyDigest(digest);
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(time);
            schedules.Apply(quartz);
            foreach (var plugin in catalog.Loaded.Where(p => p.Entry.Schedule is not null))
            {
                string id = plugin.Entry.Id;
                quartz.ScheduleJob<SourcePullJob>(
                    trigger => trigger
                        .WithIdentity(id, SourcePullJob.Group)
                        .WithCronSchedule(plugin.Entry.Schedule!, cron => cron.InTimeZone(ScheduleTimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                    job => job.WithIdentity(id, SourcePullJob.Group).UsingJobData(SourcePullJob.SourceKey, id));
            }

            if (digest.Enabled)
            {
                services.AddDigestSchedule(quartz, digest);
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<SinkDeliveryService>();
        return services;
    }
}
