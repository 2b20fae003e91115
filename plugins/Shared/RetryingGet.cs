using System.Globalization;
using System.Net;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Shared;

/// <summary>
/// A GET for pull sources that retries what may pass — 5xx, 408, 429, timeouts, network errors — with doubling waits on
/// the hub's clock (a <c>Retry-After</c> is honoured up to <see cref="MaxDelay"/>), logs each retry, and fails with a
/// message naming the source, the URL and the status.
/// </summary>
/// <remarks>
/// Compiled into each source plugin that uses it (linked by its project file): plugins share nothing but the contract at
/// run time, so this is shared source, not a library each plugin would ship.
/// </remarks>
/// <param name="http">The plugin's client.</param>
/// <param name="source">The source's name, at the start of every message (<c>RappelConso</c>).</param>
/// <param name="maxAttempts">Attempts in all, the first included.</param>
/// <param name="firstDelay">The wait after the first failure; it doubles after each.</param>
/// <param name="time">The hub's clock, which the waits run on.</param>
/// <param name="log">Where each retry is said.</param>
internal sealed class RetryingGet(HttpClient http, string source, int maxAttempts, TimeSpan firstDelay, TimeProvider time, IPluginLog log)
{
    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    /// <summary>Adds what each request needs (a token, an <c>Accept</c> header).</summary>
    public Action<HttpRequestMessage>? Prepare { get; init; }

    /// <summary>What an error body says, as <c>": …"</c> appended to the status, or empty.</summary>
    public Func<string, string> Explain { get; init; } = _ => "";

    /// <summary>
    /// For a status that is not retried, a more helpful message than the status alone (a refused token), given the
    /// status and <c>"SOURCE: GET URL answered …"</c>; <see langword="null"/> keeps the plain one.
    /// </summary>
    public Func<HttpStatusCode, string, string?>? Refusal { get; init; }

    /// <summary>GETs <paramref name="url"/>, retrying transient failures.</summary>
    /// <exception cref="HttpRequestException">The server refused, or still failed after the last attempt; the message names the URL and the status.</exception>
    public async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
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
                Prepare?.Invoke(request);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                }

                status = response.StatusCode;
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                failure = $"answered {(int)response.StatusCode} {response.ReasonPhrase}{Explain(body)}";
                if (!IsTransient(response.StatusCode))
                {
                    string plain = $"{source}: GET {url} {failure}";
                    throw new HttpRequestException(Refusal?.Invoke(response.StatusCode, plain) ?? plain + ".", null, response.StatusCode);
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

            if (attempt >= maxAttempts)
            {
                throw new HttpRequestException(
                    $"{source}: GET {url} {failure} (attempt {attempt} of {maxAttempts}); the next pull starts again from the last checkpoint.",
                    cause,
                    status);
            }

            var delay = Backoff(attempt, retryAfter);
            log.Write(PluginLogLevel.Warning, $"GET {url} {failure} (attempt {attempt} of {maxAttempts}); retrying in {delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.", cause);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var delay = TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * Math.Pow(2, attempt - 1), MaxDelay.Ticks));
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
