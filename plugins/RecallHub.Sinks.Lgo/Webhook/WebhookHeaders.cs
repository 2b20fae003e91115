namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>The HTTP headers of a webhook request from the LGO sink.</summary>
public static class WebhookHeaders
{
    /// <summary>The event's id: the same on every attempt. The LGO applies an event once per key.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>When the request was signed: Unix time in seconds, as decimal digits.</summary>
    public const string Timestamp = "X-RecallHub-Timestamp";

    /// <summary>
    /// <c>v1=</c> followed by the lower-case hex HMAC-SHA256, keyed with the shared secret, of the timestamp, a dot and
    /// the body's bytes. Several comma-separated values may be accepted by a receiver while a secret is rotated.
    /// </summary>
    public const string Signature = "X-RecallHub-Signature";

    /// <summary>The event's type (<c>stock_blocked</c>), to route before reading the body.</summary>
    public const string EventType = "X-RecallHub-Event";

    /// <summary>Which request this is for the event: 1, 2… (counted across the hub's retries).</summary>
    public const string Attempt = "X-RecallHub-Attempt";
}
