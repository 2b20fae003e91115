namespace RecallHub.Host.Running;

/// <summary>
/// Runs <see cref="SinkDelivery"/> for as long as the hub runs: at once after each engine commit, and every
/// <see cref="PollInterval"/> for retries and for events written by other processes (<c>recallhub ingest</c>).
/// </summary>
internal sealed partial class SinkDeliveryService(SinkDelivery delivery, OutboxSignal signal, TimeProvider time, ILogger<SinkDeliveryService> log)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered = 0;
            try
            {
                delivered = await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store itself failed (disk full, locked file): keep trying, the events are safe in the outbox.
                LogPassFailed(e);
            }

            if (delivered == 0)
            {
                await signal.WaitAsync(PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering events to the sinks failed; retrying at the next poll.")]
    private partial void LogPassFailed(Exception exception);
}
