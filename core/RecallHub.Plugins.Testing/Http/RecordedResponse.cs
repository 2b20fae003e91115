namespace RecallHub.Plugins.Testing;

/// <summary>What a <see cref="RecordedHttpServer"/> answers.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body, sent as UTF-8; none when null.</param>
/// <param name="ContentType">The media type of the body.</param>
public sealed record RecordedResponse(int Status, string? Body = null, string? ContentType = null)
{
    /// <summary>More response headers (ETag, Retry-After…).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>200 with a JSON body.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The response.</returns>
    public static RecordedResponse Json(string json) => new(200, json, "application/json; charset=utf-8");

    /// <summary>200 with a body of <paramref name="contentType"/>.</summary>
    /// <param name="body">The body.</param>
    /// <param name="contentType">Its media type (plain text by default).</param>
    /// <returns>The response.</returns>
    public static RecordedResponse Text(string body, string contentType = "text/plain; charset=utf-8") => new(200, body, contentType);

    /// <summary>An empty answer with <paramref name="status"/>, e.g. 503, 404, 304.</summary>
    /// <param name="status">The status code.</param>
    /// <returns>The response.</returns>
    public static RecordedResponse WithStatus(int status) => new(status);
}
