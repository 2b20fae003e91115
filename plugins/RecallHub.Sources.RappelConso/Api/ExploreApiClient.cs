using System.Globalization;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Shared;
using RecallHub.Sources.RappelConso.Records;

namespace RecallHub.Sources.RappelConso.Api;

/// <summary>
/// The Opendatasoft Explore API v2.1 of the portal: the <c>records</c> endpoint (paged, <c>offset + limit</c> ≤
/// 10 000) and <c>exports/json</c> (no cap), with retries on transient failures.
/// </summary>
/// <remarks>
/// 5xx, 408 and 429 answers, timeouts and connection failures are retried with a doubling delay (capped at one
/// minute, or the server's <c>Retry-After</c> when longer) waited on the context's clock, so tests drive it with a
/// fake clock. Other answers fail at once. Every error names the URL and the status.
/// </remarks>
internal sealed class ExploreApiClient
{
    private readonly RappelConsoOptions _options;
    private readonly RetryingGet _get;

    public ExploreApiClient(HttpClient http, RappelConsoOptions options, TimeProvider time, IPluginLog log)
    {
        _options = options;
        _get = new RetryingGet(http, "RappelConso", options.MaxAttempts, options.RetryDelay, time, log) { Explain = Explain };
    }

    /// <summary>The ODSQL filter for notices published at or after <paramref name="since"/>.</summary>
    public static string PublishedSince(DateTimeOffset since) => $"date_publication >= date'{RappelConsoDates.Format(since)}'";

    /// <summary>One page of the <c>records</c> endpoint, oldest first.</summary>
    public Uri RecordsUrl(string? where, int limit, int offset) =>
        Url("records", where, $"&limit={limit.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The whole selection as one JSON array, oldest first.</summary>
    public Uri ExportUrl(string? where) => Url("exports/json", where, "");

    /// <summary>GETs <paramref name="url"/>, retrying transient failures.</summary>
    /// <exception cref="HttpRequestException">The server refused, or still failed after the last attempt; the message names the URL and the status.</exception>
    public Task<string> GetAsync(Uri url, CancellationToken cancellationToken) => _get.GetStringAsync(url, cancellationToken);

    private Uri Url(string endpoint, string? where, string paging)
    {
        string root = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
        string filter = where is null ? "" : "where=" + Uri.EscapeDataString(where) + "&";
        // Ordered by publication then id so that pages do not shuffle records published in the same second.
        return new Uri($"{root}/api/explore/v2.1/catalog/datasets/{Uri.EscapeDataString(_options.Dataset)}/{endpoint}?{filter}order_by={Uri.EscapeDataString("date_publication,id")}{paging}");
    }

    // Opendatasoft errors are {"error_code": "...", "message": "..."}: the message is what people need.
    private static string Explain(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return ": " + message.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): show its beginning.
        }

        string text = body.ReplaceLineEndings(" ").Trim();
        return ": " + (text.Length > 200 ? text[..200] + "…" : text);
    }
}
