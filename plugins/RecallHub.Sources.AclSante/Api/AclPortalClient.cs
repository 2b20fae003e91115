using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.AclSante.Api;

/// <summary>
/// The portal's notices endpoint over HTTPS, with the API token on every request and retries on transient failures.
/// </summary>
/// <remarks>
/// 5xx, 408 and 429 answers, timeouts and connection failures are retried with a doubling delay (capped at one
/// minute, or the server's <c>Retry-After</c> when longer) waited on the hub's clock. Other answers fail at once; a
/// 401 or 403 says that the token was refused and which setting holds it. Every error names the URL and the status,
/// never the token.
/// </remarks>
internal sealed class AclPortalClient
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly AclSanteOptions _options;
    private readonly TimeProvider _time;
    private readonly IPluginLog _log;

    public AclPortalClient(HttpClient http, AclSanteOptions options, TimeProvider time, IPluginLog log)
    {
        _http = http;
        _options = options;
        _time = time;
        _log = log;
    }

    /// <summary>The first page of notices updated since <paramref name="since"/> (everything when <see langword="null"/>).</summary>
    public Uri FirstPage(DateTimeOffset? since)
    {
        var mapping = _options.Mapping;
        string query = $"{Uri.EscapeDataString(mapping.PageSizeParameter)}={_options.PageSize.ToString(CultureInfo.InvariantCulture)}";
        if (since is { } s)
        {
            query = $"{Uri.EscapeDataString(mapping.SinceParameter)}={Uri.EscapeDataString(Units.WireDates.Format(s))}&{query}";
        }

        return new Uri(_options.BaseUrl, $"{mapping.RequestPath.TrimStart('/')}?{query}");
    }

    /// <summary>
    /// The page after <paramref name="current"/>: <paramref name="next"/> itself when the portal gives an absolute URL,
    /// else <paramref name="current"/> with the cursor parameter set to it.
    /// </summary>
    public Uri NextPage(Uri current, string next)
    {
        if (Uri.TryCreate(next, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        string cursor = Uri.EscapeDataString(_options.Mapping.CursorParameter) + "=";
        var kept = current.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(cursor, StringComparison.Ordinal));
        var builder = new UriBuilder(current) { Query = string.Join("&", kept.Append(cursor + Uri.EscapeDataString(next))) };
        return builder.Uri;
    }

    /// <summary>GETs <paramref name="url"/> with the token, retrying transient failures.</summary>
    /// <exception cref="HttpRequestException">The portal refused, or still failed after the last attempt; the message names the URL and the status.</exception>
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
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Headers.TryAddWithoutValidation(_options.TokenHeader, _options.TokenScheme is { } scheme ? $"{scheme} {_options.Token}" : _options.Token);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }

                status = response.StatusCode;
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                failure = $"answered {(int)response.StatusCode} {response.ReasonPhrase}{Explain(body)}";
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new HttpRequestException(
                        $"ACL Santé: GET {url} {failure}. The API token was refused: check setting 'token' (an env: variable) and "
                        + $"'token_header'/'token_scheme' (sent as '{_options.TokenHeader}: {_options.TokenScheme ?? ""}{(_options.TokenScheme is null ? "" : " ")}…').",
                        null,
                        response.StatusCode);
                }

                if (!IsTransient(response.StatusCode))
                {
                    throw new HttpRequestException($"ACL Santé: GET {url} {failure}.", null, response.StatusCode);
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
                    $"ACL Santé: GET {url} {failure} (attempt {attempt} of {_options.MaxAttempts}); the next pull starts again from the last checkpoint.",
                    cause,
                    status);
            }

            var delay = Backoff(attempt, retryAfter);
            _log.Write(PluginLogLevel.Warning, $"GET {url} {failure} (attempt {attempt} of {_options.MaxAttempts}); retrying in {delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.", cause);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * Math.Pow(2, attempt - 1), MaxDelay.Ticks));
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    // A JSON error's "message" (or "error") is what people need; anything else is shown by its beginning.
    private static string Explain(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (string name in (string[])["message", "error_description", "error"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return ": " + value.GetString();
                    }
                }
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
