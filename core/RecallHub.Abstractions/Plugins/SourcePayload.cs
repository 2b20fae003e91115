namespace RecallHub.Abstractions.Plugins;

/// <summary>Something a source published, as fetched or as saved to a file: what a source's parser reads.</summary>
/// <param name="Content">The payload's text (HTML, JSON, XML…).</param>
/// <param name="ContentType">Its media type when known, such as <c>text/html</c>.</param>
/// <param name="Url">Where it was fetched from, when known; parsers use it to resolve relative links.</param>
public sealed record SourcePayload(string Content, string? ContentType = null, Uri? Url = null);
