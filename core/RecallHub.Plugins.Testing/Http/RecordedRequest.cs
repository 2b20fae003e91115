namespace RecallHub.Plugins.Testing;

/// <summary>One request a <see cref="RecordedHttpServer"/> received.</summary>
/// <param name="Method">GET, POST…</param>
/// <param name="Path">The path, e.g. <c>/recalls.json</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Headers">The request headers (names compared without case; repeated values joined by commas).</param>
/// <param name="Body">The body, read as UTF-8 text.</param>
/// <param name="At">When it arrived, on the server's clock (the plugin's fake clock when given one).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset At)
{
    /// <summary>The path and the query, e.g. <c>/listing?page=2</c>.</summary>
    public string PathAndQuery => Path + Query;

    /// <summary>A request header's value.</summary>
    /// <param name="name">The header's name, any case.</param>
    /// <returns>The value, or null when the header was not sent.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A query parameter's value, unescaped.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The first value, or null.</returns>
    public string? QueryValue(string name)
    {
        foreach (string pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (key == name)
            {
                return equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery} at {At:O}";
}
