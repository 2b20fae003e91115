namespace RecallHub.Core.Storage;

/// <summary>An event waiting for (or delivered to) a sink.</summary>
/// <param name="Id">The message's id.</param>
/// <param name="SinkId">The sink it is for.</param>
/// <param name="Sequence">Its place in the sink's queue, from 1, without gaps.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="PayloadJson">The event, as JSON.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="Attempts">How many delivery attempts failed.</param>
/// <param name="NextAttemptAt">When it may be tried (again).</param>
/// <param name="DeliveredAt">When it was delivered, or <see langword="null"/>.</param>
/// <param name="LastError">The last failure, or <see langword="null"/>.</param>
public sealed record OutboxMessage(
    long Id,
    string SinkId,
    long Sequence,
    string EventType,
    string PayloadJson,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError);
