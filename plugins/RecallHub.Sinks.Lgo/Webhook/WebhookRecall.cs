using System.Text.Json;

namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>The recall a webhook event is about.</summary>
/// <param name="RecallId">The hub's id of the recall.</param>
/// <param name="Title">The notice's title, when known.</param>
/// <param name="AlertNumber">The authority's alert number, when known.</param>
/// <param name="Notice">For recall events, the notice in the hub's JSON form (docs/notices.md), without its raw payload.</param>
internal sealed record WebhookRecall(long? RecallId, string? Title, string? AlertNumber, JsonElement? Notice);
