using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Plugins;

/// <summary>Something that happened in the hub, delivered to sink plugins from a persistent outbox.</summary>
/// <remarks>
/// Delivery is at least once and in <see cref="Sequence"/> order per sink: a sink may see an event again after a
/// failure or a restart, with the same <see cref="Id"/>, and must treat the repeat as a no-op.
/// </remarks>
public sealed record HubEvent
{
    /// <summary>The event's stable id: the same on every delivery attempt (use it as a message id or idempotency key).</summary>
    public required string Id { get; init; }

    /// <summary>The event's position in this sink's stream; increasing.</summary>
    public long Sequence { get; init; }

    /// <summary>What happened.</summary>
    public HubEventType Type { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The hub's id of the recall concerned, if any.</summary>
    public long? RecallId { get; init; }

    /// <summary>The recall's notice (its current revision), if any.</summary>
    public RecallNotice? Notice { get; init; }

    /// <summary>The pack concerned, for stock events.</summary>
    public BlockedPack? Pack { get; init; }

    /// <summary>What happened and what to do, in plain French, for people at the counter.</summary>
    public string? Message { get; init; }

    /// <summary>For unblock events, who decided and why (<c>Marie Dupont — retourné au grossiste</c>).</summary>
    public string? Decision { get; init; }

    /// <summary>For <see cref="HubEventType.PackHandedOver"/>, the pack and the sealed patient. Since contract 1.1.</summary>
    public PackHandover? Handover { get; init; }

    /// <summary>For <see cref="HubEventType.DailyDigest"/>, the rendered digest. Since contract 1.1.</summary>
    public DigestDocument? Digest { get; init; }

    /// <summary>
    /// The FINESS number of the pharmacy the event concerns, when the hub serves several pharmacies and the event is
    /// one pharmacy's (its stock, its digest); <see langword="null"/> for events about the shared recalls and in a
    /// single-pharmacy hub. A sink serving several pharmacies routes by it. Since contract 1.2.
    /// </summary>
    public string? Pharmacy { get; init; }
}
