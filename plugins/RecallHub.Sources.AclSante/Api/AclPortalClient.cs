using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Shared;

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
    private readonly AclSanteOptions _options;
    private readonly RetryingGet _get;

    public AclPortalClient(HttpClient http, AclSanteOptions options, TimeProvider time, IPluginLog log)
    {
        _options = options;
        _get = new RetryingGet(http, "ACL Santé", options.MaxAttempts, options.RetryDelay, time, log)
        {
            Prepare = request =>
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Headers.TryAddWithoutValidation(options.TokenHeader, options.TokenScheme is { } scheme ? $"{scheme} {options.Token}" : options.Token);
            },
            Explain = Explain,
            Refusal = (status, plain) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? $"{plain}. The API token was refused: check setting 'token' (an env: variable) and "
                    + $"'token_header'/'token_scheme' (sent as '{options.TokenHeader}: {options.TokenScheme ?? ""}{(options.TokenScheme is null ? "" : " ")}…')."
                : null,
        };
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
    public Task<string> GetAsync(Uri url, CancellationToken cancellationToken) => _get.GetStringAsync(url, cancellationToken);

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
