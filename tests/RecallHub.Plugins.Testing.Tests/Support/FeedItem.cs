using System.Text.Json.Serialization;

namespace RecallHub.Plugins.Testing.Tests.Support;

public sealed record FeedItem(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("cip13")] string? Cip13);
