using System.Text.Json.Serialization;

namespace RecallHub.Plugins.Testing.Tests.Support;

public sealed record FeedPage([property: JsonPropertyName("items")] IReadOnlyList<FeedItem> Items, [property: JsonPropertyName("more")] bool More);
