using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sinks.Lgo.DeadLetters;
using RecallHub.Sinks.Lgo.Recalls;

namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>
/// Pushes events to the LGO's webhook, in order, each signed and keyed by its id. An event the LGO does not take is
/// tried again briefly; then the batch goes back to the hub, which retries it with backoff. Failed requests are
/// counted per event in the plugin's state: after <see cref="LgoSinkSettings.DeadLetterAfter"/> of them, or at once
/// when the LGO refuses it (a 4xx other than 408 and 429), the event goes to the dead letters and the next ones go on.
/// </summary>
internal sealed class WebhookDelivery
{
    // An LGO's answer is for the log and the dead letters, not a document.
    private const int MaxAnswerLength = 1000;

    // Longer waits than this are the hub's business (its backoff), not a delivery's.
    private static readonly TimeSpan MaxPauseWithinDelivery = TimeSpan.FromSeconds(10);

    private readonly IPluginContext _context;
    private readonly LgoSinkSettings _settings;
    private readonly DeadLetterList _deadLetters;
    private readonly RecallHeadlines _headlines;
    private readonly HttpClient _http;
    private readonly DeliveredEvents _delivered;

    public WebhookDelivery(IPluginContext context, LgoSinkSettings settings, DeadLetterList deadLetters, RecallHeadlines headlines)
    {
        _context = context;
        _settings = settings;
        _deadLetters = deadLetters;
        _headlines = headlines;
        _http = context.CreateHttpClient();
        _delivered = new DeliveredEvents(context.State);
    }

    /// <summary>Reads which events were already taken.</summary>
    public ValueTask LoadAsync(CancellationToken cancellationToken) => _delivered.LoadAsync(cancellationToken);

    /// <summary>Pushes the batch's events that the webhook takes, in order.</summary>
    /// <exception cref="HttpRequestException">The LGO did not take an event yet: the hub retries the batch later.</exception>
    public async ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var hubEvent in events)
            {
                if (!_settings.WebhookEvents.Contains(hubEvent.Type) || _delivered.Contains(hubEvent.Id))
                {
                    continue;
                }

                await DeliverAsync(hubEvent, cancellationToken).ConfigureAwait(false);
                _delivered.Add(hubEvent.Id);
            }
        }
        finally
        {
            // Whatever happened, the events taken so far are not sent again when the hub retries the batch.
            await _delivered.SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask DeliverAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(await PayloadAsync(hubEvent, cancellationToken).ConfigureAwait(false), LgoJsonContext.Wire.WebhookPayload);
        string attemptsKey = "webhook:attempts:" + hubEvent.Id;
        int attempts = int.TryParse(await _context.State.GetAsync(attemptsKey, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture, out int stored) ? stored : 0;
        WebhookAnswer? answer = null;
        for (int tryNumber = 0; tryNumber < _settings.WebhookTriesPerDelivery; tryNumber++)
        {
            if (answer is not null)
            {
                var pause = _settings.WebhookRetryDelay * Math.Pow(2, tryNumber - 1);
                if (answer.RetryAfter is { } asked && asked > pause)
                {
                    pause = asked;
                }

                if (pause > MaxPauseWithinDelivery)
                {
                    break;
                }

                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, _context.Time, cancellationToken).ConfigureAwait(false);
                }
            }

            attempts++;
            answer = await PostAsync(hubEvent, body, attempts, cancellationToken).ConfigureAwait(false);
            switch (answer.Outcome)
            {
                case WebhookOutcome.Acknowledged:
                    await _context.State.RemoveAsync(attemptsKey, CancellationToken.None).ConfigureAwait(false);
                    return;

                case WebhookOutcome.Refused:
                    await GiveUpAsync(hubEvent, attempts, answer, $"Refused by the LGO: {answer.Detail}", attemptsKey).ConfigureAwait(false);
                    return;

                default:
                    await _context.State.SetAsync(attemptsKey, attempts.ToString(CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
                    if (attempts >= _settings.DeadLetterAfter)
                    {
                        await GiveUpAsync(hubEvent, attempts, answer, $"Not taken after {attempts} attempts; last: {answer.Detail}", attemptsKey).ConfigureAwait(false);
                        return;
                    }

                    _context.Log.Write(PluginLogLevel.Warning, $"The LGO's webhook did not take event {hubEvent.Id} ({EventTypeNames.Of(hubEvent.Type)}), attempt {attempts} of {_settings.DeadLetterAfter}: {answer.Detail}");
                    break;
            }
        }

        throw new HttpRequestException(
            $"The LGO's webhook did not take event {hubEvent.Id} ({EventTypeNames.Of(hubEvent.Type)}, n° {hubEvent.Sequence}) after {attempts} attempts (dead letter after {_settings.DeadLetterAfter}): {answer?.Detail}");
    }

    private async ValueTask<WebhookAnswer> PostAsync(HubEvent hubEvent, byte[] body, int attempt, CancellationToken cancellationToken)
    {
        long timestamp = _context.Time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaders.IdempotencyKey, hubEvent.Id);
        request.Headers.Add(WebhookHeaders.EventType, EventTypeNames.Of(hubEvent.Type));
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(_settings.WebhookSecret, timestamp, body));
        request.Headers.Add(WebhookHeaders.Attempt, attempt.ToString(CultureInfo.InvariantCulture));

        using var timeout = new CancellationTokenSource(_settings.WebhookTimeout, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WebhookAnswer(WebhookOutcome.Acknowledged, status, $"HTTP {status}");
            }

            string detail = $"HTTP {status} {response.ReasonPhrase}: {await ReadAnswerAsync(response, linked.Token).ConfigureAwait(false)}".TrimEnd(' ', ':');
            var outcome = status is >= 400 and < 500 and not 408 and not 429 ? WebhookOutcome.Refused : WebhookOutcome.Failed;
            return new WebhookAnswer(outcome, status, detail, response.Headers.RetryAfter?.Delta);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAnswer(WebhookOutcome.Failed, null, $"no answer within {_settings.WebhookTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAnswer(WebhookOutcome.Failed, null, e.Message);
        }
    }

    private static async Task<string> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > MaxAnswerLength ? text[..MaxAnswerLength] + "…" : text.Trim();
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private async ValueTask GiveUpAsync(HubEvent hubEvent, int attempts, WebhookAnswer answer, string reason, string attemptsKey)
    {
        var headline = await _headlines.FindAsync(hubEvent, CancellationToken.None).ConfigureAwait(false);
        var pack = hubEvent.Pack;
        var letter = new DeadLetter(
            hubEvent.Id,
            hubEvent.Sequence,
            EventTypeNames.Of(hubEvent.Type),
            hubEvent.OccurredAt,
            hubEvent.RecallId,
            headline?.AlertNumber,
            headline?.Title,
            pack?.BlockId,
            pack?.Gtin,
            pack?.Cip13,
            pack?.Lot,
            pack?.Serial,
            hubEvent.Message,
            attempts,
            answer.StatusCode,
            reason,
            _context.Time.GetUtcNow());
        // Not cancelled halfway: the event is either still pending or in the dead letters.
        await _deadLetters.AddAsync(letter, CancellationToken.None).ConfigureAwait(false);
        await _context.State.RemoveAsync(attemptsKey, CancellationToken.None).ConfigureAwait(false);
        _context.Log.Write(
            PluginLogLevel.Error,
            $"Event {hubEvent.Id} ({letter.Type}, n° {hubEvent.Sequence}) goes to the dead letters: {reason}. The LGO was not told: {hubEvent.Message}");
    }

    private async ValueTask<WebhookPayload> PayloadAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        var headline = await _headlines.FindAsync(hubEvent, cancellationToken).ConfigureAwait(false);
        var recall = hubEvent.RecallId is null && headline is null
            ? null
            : new WebhookRecall(hubEvent.RecallId, headline?.Title, headline?.AlertNumber, NoticeJson(hubEvent.Notice));
        var pack = hubEvent.Pack is { } p
            ? new WebhookPack(p.BlockId, p.Gtin, p.Cip13, p.Lot, p.Serial, p.Expiry, p.Since, p.Workstation)
            : null;
        return new WebhookPayload(
            WebhookPayload.CurrentSchemaVersion,
            hubEvent.Id,
            hubEvent.Sequence,
            EventTypeNames.Of(hubEvent.Type),
            hubEvent.OccurredAt,
            recall,
            pack,
            hubEvent.Message,
            hubEvent.Decision);
    }

    // The source's raw payload can be large and says nothing the LGO needs.
    private static JsonElement? NoticeJson(RecallNotice? notice)
    {
        if (notice is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(RecallNoticeJson.Serialize(notice with { RawPayload = null }));
        return document.RootElement.Clone();
    }
}
