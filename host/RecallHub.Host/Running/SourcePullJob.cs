using Quartz;

namespace RecallHub.Host.Running;

/// <summary>The Quartz job that pulls one source on its <c>plugins.json</c> schedule.</summary>
[DisallowConcurrentExecution]
internal sealed class SourcePullJob(SourcePull pull) : IJob
{
    /// <summary>The job data key holding the source's id.</summary>
    public const string SourceKey = "source";

    /// <summary>The Quartz group of the source jobs.</summary>
    public const string Group = "sources";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string sourceId = context.MergedJobDataMap.GetString(SourceKey)
            ?? throw new JobExecutionException($"The job {context.JobDetail.Key} has no '{SourceKey}' in its data.");

        // A failed pull is recorded on the plugin by SourcePull; Quartz keeps the schedule as it is.
        _ = await pull.RunAsync(sourceId, cancellationToken).ConfigureAwait(false);
    }
}
