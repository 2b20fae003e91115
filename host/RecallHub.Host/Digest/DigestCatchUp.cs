namespace RecallHub.Host.Digest;

/// <summary>
/// At start, sends today's digest if its time has passed and it was not sent (the hub was down at 07:30): the in-memory
/// schedule does not remember a run it missed while the hub was stopped.
/// </summary>
internal sealed class DigestCatchUp(DailyDigest digest, ILogger<DigestCatchUp> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!digest.IsPastTime)
        {
            return;
        }

        foreach (var pharmacy in digest.Pharmacies)
        {
            try
            {
                DigestLog.Result(log, await digest.SendAsync(pharmacy, digest.Today, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A digest that cannot be built must not keep the hub from blocking stock, nor another pharmacy's digest.
                DigestLog.Failed(log, digest.Today, e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
