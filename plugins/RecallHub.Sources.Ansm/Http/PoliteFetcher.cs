using System.Net;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Ansm.Http;

/// <summary>
/// Fetches ANSM pages politely: one request at a time, a pause between two requests, conditional requests when asked,
/// and retries with a doubling pause after a 5xx answer, 408, 429 or a timeout (a <c>Retry-After</c> header is
/// honoured up to five minutes). All pauses run on the plugin's clock.
/// </summary>
internal sealed class PoliteFetcher(HttpClient http, TimeProvider time, AnsmSettings settings, IPluginLog log)
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);

    private DateTimeOffset? _lastRequest;

    /// <summary>GETs <paramref name="url"/>; any answer but a retried failure is returned, whatever its status.</summary>
    /// <exception cref="HttpRequestException">The site still failed after every retry.</exception>
    public async Task<FetchedPage> GetAsync(Uri url, PageValidators? validators, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            await WaitTurnAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (validators?.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (validators?.LastModified is { } lastModified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode))
                {
                    string content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return new FetchedPage(
                        url,
                        response.StatusCode,
                        content,
                        response.Headers.ETag?.ToString(),
                        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null);
                }

                failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                retryAfter = RetryAfterOf(response);
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "no answer before the HTTP client's timeout";
            }
            finally
            {
                _lastRequest = time.GetUtcNow();
            }

            if (attempt >= settings.Retries)
            {
                throw new HttpRequestException($"GET {url} failed {attempt + 1} time(s); last: {failure}.");
            }

            var pause = settings.RetryDelay * Math.Pow(2, attempt);
            if (retryAfter is { } asked && asked > pause)
            {
                pause = asked < LongestRetryAfter ? asked : LongestRetryAfter;
            }

            log.Write(PluginLogLevel.Warning, $"GET {url} failed ({failure}); retry {attempt + 1} of {settings.Retries} in {pause.TotalSeconds:0.#} s.");
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    private async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_lastRequest is { } last)
        {
            var wait = last + settings.Delay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
