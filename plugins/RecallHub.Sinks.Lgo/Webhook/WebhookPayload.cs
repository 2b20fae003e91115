namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>The JSON body of a webhook request, schema version <see cref="CurrentSchemaVersion"/> (docs/lgo-integration.md).</summary>
/// <param name="SchemaVersion">The version of this format.</param>
/// <param name="EventId">The event's stable id, also sent as the <c>Idempotency-Key</c> header.</param>
/// <param name="Sequence">The event's position in this sink's stream; increasing.</param>
/// <param name="Type">What happened (<c>stock_blocked</c>).</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Recall">The recall concerned, if any.</param>
/// <param name="Pack">The pack concerned, for stock events.</param>
/// <param name="Message">What happened and what to do, in plain French.</param>
/// <param name="Decision">For unblock events, who decided and why.</param>
internal sealed record WebhookPayload(
    int SchemaVersion,
    string EventId,
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    WebhookRecall? Recall,
    WebhookPack? Pack,
    string? Message,
    string? Decision)
{
    /// <summary>The schema version this sink writes; members are only added within a version.</summary>
    public const int CurrentSchemaVersion = 1;
}
