using System.Globalization;
using System.Net;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;
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
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly RappelConsoOptions _options;
    private readonly TimeProvider _time;
    private readonly IPluginLog _log;

    public ExploreApiClient(HttpClient http, RappelConsoOptions options, TimeProvider time, IPluginLog log)
    {
        _http = http;
        _options = options;
        _time = time;
        _log = log;
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
    public async Task<string> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            string failure;
            HttpStatusCode? status = null;
            Exception? cause = null;
            TimeSpan? retryAfter = null;
            try
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }

                status = response.StatusCode;
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                failure = $"answered {(int)response.StatusCode} {response.ReasonPhrase}{Explain(body)}";
                if (!IsTransient(response.StatusCode))
                {
                    throw new HttpRequestException($"RappelConso: GET {url} {failure}.", null, response.StatusCode);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                (failure, cause) = ($"failed: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                (failure, cause) = ("timed out", e);
            }

            if (attempt >= _options.MaxAttempts)
            {
                throw new HttpRequestException(
                    $"RappelConso: GET {url} {failure} (attempt {attempt} of {_options.MaxAttempts}); the next pull starts again from the last checkpoint.",
                    cause,
                    status);
            }

            var delay = Backoff(attempt, retryAfter);
            _log.Write(PluginLogLevel.Warning, $"GET {url} {failure} (attempt {attempt} of {_options.MaxAttempts}); retrying in {delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.", cause);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri Url(string endpoint, string? where, string paging)
    {
        string root = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
        string filter = where is null ? "" : "where=" + Uri.EscapeDataString(where) + "&";
        // Ordered by publication then id so that pages do not shuffle records published in the same second.
        return new Uri($"{root}/api/explore/v2.1/catalog/datasets/{Uri.EscapeDataString(_options.Dataset)}/{endpoint}?{filter}order_by={Uri.EscapeDataString("date_publication,id")}{paging}");
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        double factor = Math.Pow(2, attempt - 1);
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * factor, MaxDelay.Ticks));
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

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
