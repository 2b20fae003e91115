namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>What one webhook request came to.</summary>
/// <param name="Outcome">Taken, refused for good, or worth another try.</param>
/// <param name="StatusCode">The HTTP status, when the LGO answered.</param>
/// <param name="Detail">What went wrong, with the LGO's answer when it gave one.</param>
/// <param name="RetryAfter">How long the LGO asked to wait (<c>Retry-After</c>), if it did.</param>
internal sealed record WebhookAnswer(WebhookOutcome Outcome, int? StatusCode, string Detail, TimeSpan? RetryAfter = null);
