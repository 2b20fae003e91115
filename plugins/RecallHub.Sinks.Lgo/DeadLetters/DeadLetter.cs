namespace RecallHub.Sinks.Lgo.DeadLetters;

/// <summary>An event the LGO refused, or did not take after every attempt: kept so that a person can act on it.</summary>
/// <param name="EventId">The event's id (the webhook's idempotency key).</param>
/// <param name="Sequence">Its position in this sink's stream.</param>
/// <param name="Type">Its type (<c>stock_blocked</c>).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="RecallId">The recall's id, if any.</param>
/// <param name="AlertNumber">The recall's alert number, when known.</param>
/// <param name="RecallTitle">The recall's title, when known.</param>
/// <param name="BlockId">The block's id, for stock events.</param>
/// <param name="Gtin">The pack's GTIN, for stock events.</param>
/// <param name="Cip13">The pack's CIP13.</param>
/// <param name="Lot">The pack's lot.</param>
/// <param name="Serial">The pack's serial number.</param>
/// <param name="Message">The event's message in plain French: what the LGO was not told.</param>
/// <param name="Attempts">The requests made.</param>
/// <param name="StatusCode">The LGO's last HTTP status, if it answered.</param>
/// <param name="Reason">Why the event was given up: the refusal with the LGO's answer, or the last failure.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
internal sealed record DeadLetter(
    string EventId,
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    long? RecallId,
    string? AlertNumber,
    string? RecallTitle,
    long? BlockId,
    string? Gtin,
    string? Cip13,
    string? Lot,
    string? Serial,
    string? Message,
    int Attempts,
    int? StatusCode,
    string Reason,
    DateTimeOffset DeadLetteredAt);
