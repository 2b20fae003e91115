namespace RecallHub.Core.Storage;

/// <summary>
/// Events waiting to be delivered to each sink: written in the same transaction as the change they report, delivered
/// at least once, in order per sink.
/// </summary>
/// <remarks>
/// Messages are never deleted: a delivered message is marked delivered, a failed one is kept with its error and the
/// time of its next attempt. <see cref="TakeDueAsync"/> never skips a message: when the oldest pending message of a
/// sink is waiting for its retry time, nothing behind it is returned. Sinks are independent of each other.
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Adds an event at the end of a sink's queue.</summary>
    /// <param name="sinkId">The sink plugin's id.</param>
    /// <param name="eventType">The event's type, such as <c>recall.created</c>.</param>
    /// <param name="payloadJson">The event, as JSON.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored message.</returns>
    Task<OutboxMessage> EnqueueAsync(string sinkId, string eventType, string payloadJson, CancellationToken cancellationToken = default);

    /// <summary>The oldest pending messages of a sink that are due at <paramref name="now"/>, in sequence order.</summary>
    /// <param name="sinkId">The sink plugin's id.</param>
    /// <param name="max">How many at most.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<OutboxMessage>> TakeDueAsync(string sinkId, int max, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks messages delivered; they are not returned again.</summary>
    /// <param name="messageIds">The messages' ids.</param>
    /// <param name="deliveredAt">When they were delivered.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkDeliveredAsync(IReadOnlyList<long> messageIds, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: counts it, keeps the error and sets when to try again.</summary>
    /// <param name="messageIds">The messages' ids.</param>
    /// <param name="error">What went wrong.</param>
    /// <param name="nextAttemptAt">When to try again.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkFailedAsync(IReadOnlyList<long> messageIds, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default);

    /// <summary>How far behind a sink is: for the health endpoint and the alert on a sink that keeps failing.</summary>
    /// <param name="sinkId">The sink plugin's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<OutboxBacklog> GetBacklogAsync(string sinkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the delivery lease of a sink: while a host holds it, no other host delivers that sink's events, so that
    /// several hosts on one store deliver each sink in order, once.
    /// </summary>
    /// <param name="sinkId">The sink plugin's id.</param>
    /// <param name="holder">Who claims: a name unique to the delivering host (process).</param>
    /// <param name="until">Until when the lease holds if it is granted; the holder claims again before then to keep it.</param>
    /// <param name="now">The current time: a lease whose time has passed is free.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>
    /// <see langword="true"/> when <paramref name="holder"/> now holds the lease until <paramref name="until"/>: it
    /// held it already, nobody held it, or the previous holder's lease had expired at <paramref name="now"/>.
    /// <see langword="false"/> when another holder's lease is still running, or another host is claiming it this very
    /// moment.
    /// </returns>
    /// <remarks>Never waits for another claimer: a claim that would have to wait answers <see langword="false"/>.</remarks>
    Task<bool> TryClaimAsync(string sinkId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Gives a sink's delivery lease back, so that another host may claim it at once.</summary>
    /// <param name="sinkId">The sink plugin's id.</param>
    /// <param name="holder">Who releases; a lease held by someone else is left as it is.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    Task ReleaseAsync(string sinkId, string holder, CancellationToken cancellationToken = default);
}
