namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>How the LGO took one webhook request.</summary>
internal enum WebhookOutcome
{
    /// <summary>A 2xx answer: the LGO has the event.</summary>
    Acknowledged = 0,

    /// <summary>A 4xx other than 408 and 429: the LGO will never take this event as it is.</summary>
    Refused = 1,

    /// <summary>No answer, a timeout, 408, 429, 5xx or anything else: worth another try.</summary>
    Failed = 2,
}
