using Quartz;
using RecallHub.Host.Running;

namespace RecallHub.Host.Digest;

/// <summary>Registers the daily digest.</summary>
internal static class DigestServices
{
    /// <summary>What builds, renders and sends the digest (the command line uses this alone).</summary>
    public static IServiceCollection AddDailyDigest(this IServiceCollection services, DigestOptions options, string? templatesFolder = null)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => DigestTemplates.Load(templatesFolder ?? DigestTemplates.DefaultFolder));
        services.AddSingleton<DailyDigest>();
        return services;
    }

    /// <summary>
    /// In the running hub: the plugins' health for the digest, the catch-up at start (after the plugins started, so
    /// that a plugin that failed to start is said) and the daily job.
    /// </summary>
    public static void AddDigestSchedule(this IServiceCollection services, IQuartzBuilder quartz, DigestOptions options)
    {
        services.AddSingleton<DigestPluginHealthReader>();
        services.AddHostedService<DigestCatchUp>();
        quartz.ScheduleJob<DigestJob>(
            trigger => trigger
                .WithIdentity(DigestJob.Key.Name, DigestJob.Key.Group)
                .WithCronSchedule(
                    $"0 {options.Time.Minute} {options.Time.Hour} * * ?",
                    cron => cron.InTimeZone(PluginRuntimeServices.ScheduleTimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity(DigestJob.Key));
    }
}
