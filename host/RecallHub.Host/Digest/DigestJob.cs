using Quartz;

namespace RecallHub.Host.Digest;

/// <summary>The Quartz job that sends the day's digest at <c>Hub:Digest:Time</c>, Europe/Paris.</summary>
[DisallowConcurrentExecution]
internal sealed partial class DigestJob(DailyDigest digest, ILogger<DigestJob> log) : IJob
{
    /// <summary>The job's and trigger's key.</summary>
    public static readonly JobKey Key = new("daily-digest", "hub");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Each pharmacy on its own: one that fails does not keep the others' digests from going.
        foreach (var pharmacy in digest.Pharmacies)
        {
            try
            {
                DigestLog.Result(log, await digest.SendAsync(pharmacy, digest.Today, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The next start catches the day up if it is still unsent; the schedule stays as it is.
                DigestLog.Failed(log, digest.Today, e);
            }
        }
    }
}
