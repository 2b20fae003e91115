using System.Text;
using System.Text.Json;
using RecallHub.Sinks.Lgo.Webhook;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>One request the receiver got.</summary>
internal sealed record ReceivedRequest(
    string IdempotencyKey,
    string EventType,
    string Attempt,
    string? Timestamp,
    string? Signature,
    string? ContentType,
    byte[] Body,
    WebhookVerification Verification,
    int? Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Encoding.UTF8.GetString(Body);
}
