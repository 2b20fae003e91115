using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.Running;

/// <summary>
/// Feeds each running sink from its outbox: oldest first, in batches, at least once. A batch a sink throws on is kept
/// with the error and retried after <see cref="DeliveryBackoff"/>; nothing behind it overtakes it, and other sinks go
/// on. A sink that keeps failing is marked failed (the health endpoint and <c>recallhub plugins</c> show why), and
/// recovers by itself when a retry succeeds.
/// </summary>
internal sealed partial class SinkDelivery(
    RunningPlugins plugins,
    IRecallHubStore store,
    PluginCatalog catalog,
    TimeProvider time,
    ILogger<SinkDelivery> log)
{
    /// <summary>Events handed to a sink in one call.</summary>
    public const int BatchSize = 100;

    /// <summary>Failed attempts at the same batch after which the sink is shown as failed.</summary>
    public const int AlertAfterAttempts = 3;

    /// <summary>How long one <see cref="IRecallSink.DeliverAsync"/> may take before it counts as failed.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(2);

    // Batches one sink gets in a pass before the next sink's turn: a sink with a large backlog does not starve others.
    private const int BatchesPerPass = 10;

    /// <summary>
    /// How long a host's claim on a sink lasts: one batch's delivery at most, and a margin. A host that dies holding it
    /// delays that sink's events by this much, no more; a live host claims again before each batch.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = DeliveryTimeout + TimeSpan.FromMinutes(1);

    // Unique to this process: several hosts sharing a PostgreSQL store deliver each sink one at a time, in order.
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Delivers what is due to every running sink once.</summary>
    /// <returns>How many events were delivered.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        int delivered = 0;
        foreach (string sinkId in plugins.SinkIds)
        {
            delivered += await DeliverDueAsync(sinkId, cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    private async Task<int> DeliverDueAsync(string sinkId, CancellationToken cancellationToken)
    {
        var sink = plugins.FindSink(sinkId);
        if (sink is null)
        {
            // Not running here (failed, or pinned to another host, see PluginStarter): its events wait in the outbox.
            return 0;
        }

        // Most polls find nothing due: that costs one read here, not a claim and a release (two writes, and on SQLite
        // the file's write lock every two seconds per sink).
        await using (var peek = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false))
        {
            if ((await peek.Outbox.TakeDueAsync(sinkId, 1, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                return 0;
            }
        }

        int delivered = 0;
        try
        {
            delivered = await DeliverClaimedAsync(sinkId, sink, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var session = await store.OpenSessionAsync(PharmacyScope.All, CancellationToken.None).ConfigureAwait(false);
            await session.Outbox.ReleaseAsync(sinkId, _holder, CancellationToken.None).ConfigureAwait(false);
        }

        return delivered;
    }

    // Delivers while this host holds the sink's lease, claimed again before each batch; stops when another host has it.
    private async Task<int> DeliverClaimedAsync(string sinkId, IRecallSink sink, CancellationToken cancellationToken)
    {
        int delivered = 0;
        for (int batch = 0; batch < BatchesPerPass; batch++)
        {
            await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (!await session.Outbox.TryClaimAsync(sinkId, _holder, now + LeaseDuration, now, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            var due = await session.Outbox.TakeDueAsync(sinkId, BatchSize, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                break;
            }

            long[] ids = [.. due.Select(m => m.Id)];
            try
            {
                var events = due.Select(HubEventJson.Read).ToList();
                using var timeout = new CancellationTokenSource(DeliveryTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await sink.DeliverAsync(events, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(session, sinkId, due, ids, e).ConfigureAwait(false);
                break;
            }

            // The sink has the events: recording that must not be cancelled halfway, or they would be sent again.
            await session.Outbox.MarkDeliveredAsync(ids, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            catalog.MarkRecovered(sinkId);
            delivered += ids.Length;
            LogDelivered(sinkId, ids.Length, due[^1].Sequence);
        }

        return delivered;
    }

    private async Task RecordFailureAsync(IStoreSession session, string sinkId, IReadOnlyList<OutboxMessage> due, long[] ids, Exception e)
    {
        string error = e switch
        {
            OperationCanceledException => $"The sink did not answer within {DeliveryTimeout.TotalSeconds:0} s.",
            JsonException => $"An outbox event cannot be read ({e.Message}); the event is kept for inspection.",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        int attempts = due[0].Attempts + 1;
        var next = time.GetUtcNow() + DeliveryBackoff.After(attempts);
        await session.Outbox.MarkFailedAsync(ids, error, next, CancellationToken.None).ConfigureAwait(false);
        LogFailed(e, sinkId, ids.Length, attempts, next);
        if (attempts >= AlertAfterAttempts)
        {
            catalog.MarkFailed(
                sinkId,
                $"Delivery failing: {attempts} attempts at the events from n° {due[0].Sequence} since {due[0].CreatedAt:yyyy-MM-dd HH:mm} UTC; last error: {error} Next attempt at {next:yyyy-MM-dd HH:mm:ss} UTC. No event is lost: they wait in the outbox.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sink {SinkId}: delivered {Count} events (up to n° {Sequence}).")]
    private partial void LogDelivered(string sinkId, int count, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink {SinkId}: delivering {Count} events failed (attempt {Attempts}); next attempt at {Next:O}.")]
    private partial void LogFailed(Exception exception, string sinkId, int count, int attempts, DateTimeOffset next);
}
