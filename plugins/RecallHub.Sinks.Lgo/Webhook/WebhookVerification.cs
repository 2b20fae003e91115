namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>What <see cref="WebhookSignatureVerifier.Verify"/> concluded about a request.</summary>
public enum WebhookVerification
{
    /// <summary>Signed with the shared secret, recently: apply it, once per idempotency key.</summary>
    Valid = 0,

    /// <summary>The timestamp or signature header is missing or empty.</summary>
    MissingHeaders = 1,

    /// <summary>The timestamp is not Unix seconds, or the signature is not <c>v1=</c> and 64 hex digits.</summary>
    Malformed = 2,

    /// <summary>The timestamp is further from the receiver's clock than the tolerance: an old request replayed, or a clock to fix.</summary>
    OutsideTimeWindow = 3,

    /// <summary>No signature matches: another secret, or the body or timestamp was changed.</summary>
    SignatureMismatch = 4,
}
