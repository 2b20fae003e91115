using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Running;

namespace RecallHub.Host.Digest;

/// <summary>
/// Builds, renders and sends the pharmacy's daily digest. Sending writes one <see cref="HubEventType.DailyDigest"/>
/// event to every sink's outbox and the day it was for, in one transaction: a day's digest is sent once, across
/// restarts, by the schedule, the catch-up at start or <c>recallhub digest --send</c> — whichever comes first.
/// </summary>
/// <param name="store">The hub's store.</param>
/// <param name="outbox">Where the event goes.</param>
/// <param name="options">The time of day, the dashboard, the pharmacy's name.</param>
/// <param name="templates">The digest templates.</param>
/// <param name="time">The hub's clock.</param>
/// <param name="health">The plugins' health, in the running hub; <see langword="null"/> outside it.</param>
/// <param name="signal">Wakes the sinks' delivery, in the running hub.</param>
internal sealed class DailyDigest(
    IRecallHubStore store,
    HubEventOutbox outbox,
    DigestOptions options,
    DigestTemplates templates,
    TimeProvider time,
    DigestPluginHealthReader? health = null,
    OutboxSignal? signal = null)
{
    /// <summary>The <c>plugin_state</c> owner of the hub's digest record: no plugin id has a colon, so none can collide.</summary>
    public const string StateOwner = "hub:digest";

    /// <summary>The key holding the last day sent, <c>yyyy-MM-dd</c>.</summary>
    public const string LastSentKey = "last_sent_day";

    // Markup characters are encoded, French letters stay readable in the source of the message.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The settings in use.</summary>
    public DigestOptions Options => options;

    /// <summary>Today in Paris.</summary>
    public DateOnly Today => DigestBuilder.DayOf(time.GetUtcNow());

    /// <summary>Whether today's digest time has passed.</summary>
    public bool IsPastTime => time.GetUtcNow() >= DigestBuilder.TimeOf(Today, options.Time);

    /// <summary>Builds and renders <paramref name="day"/>'s digest without sending it.</summary>
    public async Task<DigestDocument> RenderAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        return Render(await DigestBuilder.BuildAsync(session, day, options.Time, health?.Read(), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Renders built content: the subject and text from the plain view, the HTML from the escaped one.</summary>
    public DigestDocument Render(DigestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = DigestView.For(content, options, s => s);
        var html = DigestView.For(content, options, Html.Encode);
        return new DigestDocument(content.Day, templates.Subject(text), templates.Html(html), templates.Text(text));
    }

    /// <summary>Sends <paramref name="day"/>'s digest unless it (or a later day's) was sent already.</summary>
    public async Task<DigestSendResult> SendAsync(DateOnly day, CancellationToken cancellationToken)
    {
        DigestSendResult result;
        await using (var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false))
        {
            // The write lock first: two hubs, or the schedule and the command line, cannot both find the day unsent.
            await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var last = ReadDay(await session.PluginState.GetAsync(StateOwner, LastSentKey, cancellationToken).ConfigureAwait(false));
            if (last is { } sent && sent >= day)
            {
                return new DigestSendResult(DigestSendOutcome.AlreadySent, day, last, null);
            }

            if (outbox.Sinks.Ids.Count == 0)
            {
                return new DigestSendResult(DigestSendOutcome.NoSink, day, last, null);
            }

            var document = Render(await DigestBuilder.BuildAsync(session, day, options.Time, health?.Read(), cancellationToken).ConfigureAwait(false));
            var digest = outbox.Create(HubEventType.DailyDigest) with { Digest = document, Message = document.Subject };
            await outbox.EnqueueAsync(session, digest, cancellationToken).ConfigureAwait(false);
            await session.PluginState.SetAsync(StateOwner, LastSentKey, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            result = new DigestSendResult(DigestSendOutcome.Sent, day, day, digest.Id);
        }

        signal?.Pulse();
        return result;
    }

    /// <summary>
    /// Sends today's digest if its time has passed and it was not sent: the hub was down at the digest's time, or
    /// started after it.
    /// </summary>
    /// <returns>What the send did, or <see langword="null"/> before today's digest time.</returns>
    public async Task<DigestSendResult?> CatchUpAsync(CancellationToken cancellationToken) =>
        IsPastTime ? await SendAsync(Today, cancellationToken).ConfigureAwait(false) : null;

    private static DateOnly? ReadDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
