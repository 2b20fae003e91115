using RecallHub.Core.Checking;

namespace RecallHub.Host.Web.Api;

/// <summary>
/// Loads the active recalls before the hub answers, then refreshes them periodically so that notices stored and blocks
/// lifted by another process (<c>recallhub ingest</c>, a second host) reach the counter; the index is rebuilt only when
/// the store's stamp of the active recalls changed.
/// </summary>
internal sealed class ActiveRecallsRefresher(ActiveRecallsCache recalls, TimeProvider time, ILogger<ActiveRecallsRefresher> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first load happens before the host starts listening: a check never meets an empty index by accident.
        await recalls.RefreshAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await recalls.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
#pragma warning disable CA1848 // One message per failed reload: not a hot path.
                log.LogError(e, "Reloading the active recalls failed; the counter keeps the previous ones.");
#pragma warning restore CA1848
            }
        }
    }
}
