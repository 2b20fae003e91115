using System.Text.Encodings.Web;
using System.Text.Unicode;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Host.Running;
using RecallHub.Host.Tenancy;

namespace RecallHub.Host.Digest;

/// <summary>
/// Builds, renders and sends each pharmacy's daily digest. Sending writes one <see cref="HubEventType.DailyDigest"/>
/// event to every sink's outbox and the day it was for, in one transaction: a day's digest is sent once per pharmacy,
/// across restarts and hosts, by the schedule, the catch-up at start or <c>recallhub digest --send</c> — whichever
/// comes first (<see cref="DigestDayClaim"/>).
/// </summary>
/// <remarks>
/// A single-pharmacy hub sends one digest (<see cref="PharmacyScope.Single"/>, as before); a multi-pharmacy hub one per
/// pharmacy of <c>Hub:Pharmacies</c>, each built in a session of that pharmacy (its blocks, its unread recalls), greeted
/// by its <c>Name</c> and carrying its FINESS number in <see cref="HubEvent.Pharmacy"/>.
/// </remarks>
/// <param name="store">The hub's store.</param>
/// <param name="outbox">Where the event goes.</param>
/// <param name="options">The time of day, the dashboard, the pharmacy's name.</param>
/// <param name="templates">The digest templates.</param>
/// <param name="time">The hub's clock.</param>
/// <param name="health">The plugins' health, in the running hub; <see langword="null"/> outside it.</param>
/// <param name="signal">Wakes the sinks' delivery, in the running hub.</param>
/// <param name="tenancy">The hub's pharmacies; <see langword="null"/> for a single-pharmacy hub.</param>
internal sealed class DailyDigest(
    IRecallHubStore store,
    HubEventOutbox outbox,
    DigestOptions options,
    DigestTemplates templates,
    TimeProvider time,
    DigestPluginHealthReader? health = null,
    OutboxSignal? signal = null,
    HubTenancy? tenancy = null)
{
    /// <summary>The <c>plugin_state</c> owner of the hub's digest record: no plugin id has a colon, so none can collide.</summary>
    public const string StateOwner = "hub:digest";

    /// <summary>
    /// The key holding the last day sent, <c>yyyy-MM-dd</c>; in a multi-pharmacy hub one per pharmacy, suffixed with
    /// <c>:FINESS</c> (<see cref="DigestDayClaim.LastSentKey"/>).
    /// </summary>
    public const string LastSentKey = "last_sent_day";

    // Markup characters are encoded, French letters stay readable in the source of the message.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The settings in use.</summary>
    public DigestOptions Options => options;

    /// <summary>Today in Paris.</summary>
    public DateOnly Today => DigestBuilder.DayOf(time.GetUtcNow());

    /// <summary>Whether today's digest time has passed.</summary>
    public bool IsPastTime => time.GetUtcNow() >= DigestBuilder.TimeOf(Today, options.Time);

    /// <summary>
    /// The pharmacies a digest goes to: <see cref="PharmacyScope.Single"/> in a single-pharmacy hub, each pharmacy of
    /// <c>Hub:Pharmacies</c> in a multi-pharmacy hub.
    /// </summary>
    public IReadOnlyList<PharmacyScope> Pharmacies => tenancy is { IsMultiPharmacy: true } hub
        ? [.. hub.Pharmacies.Select(p => PharmacyScope.Of(p.Finess))]
        : [PharmacyScope.Single];

    /// <summary>Builds and renders <paramref name="day"/>'s digest of the single-pharmacy hub without sending it.</summary>
    public Task<DigestDocument> RenderAsync(DateOnly day, CancellationToken cancellationToken) =>
        RenderAsync(PharmacyScope.Single, day, cancellationToken);

    /// <summary>Builds and renders one pharmacy's digest of <paramref name="day"/> without sending it.</summary>
    public async Task<DigestDocument> RenderAsync(PharmacyScope pharmacy, DateOnly day, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenSessionAsync(pharmacy, cancellationToken).ConfigureAwait(false);
        return Render(await DigestBuilder.BuildAsync(session, day, options.Time, health?.Read(), cancellationToken).ConfigureAwait(false), OptionsOf(pharmacy));
    }

    /// <summary>Renders built content: the subject and text from the plain view, the HTML from the escaped one.</summary>
    public DigestDocument Render(DigestContent content) => Render(content, options);

    /// <summary>Sends the single-pharmacy hub's digest of <paramref name="day"/> unless it (or a later day's) was sent already.</summary>
    public Task<DigestSendResult> SendAsync(DateOnly day, CancellationToken cancellationToken) =>
        SendAsync(PharmacyScope.Single, day, cancellationToken);

    /// <summary>Sends one pharmacy's digest of <paramref name="day"/> unless it (or a later day's) was sent already.</summary>
    public async Task<DigestSendResult> SendAsync(PharmacyScope pharmacy, DateOnly day, CancellationToken cancellationToken)
    {
        DigestSendResult result;
        await using (var session = await store.OpenSessionAsync(pharmacy, cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (claimed, last) = await DigestDayClaim.TryClaimAsync(session, day, cancellationToken).ConfigureAwait(false);
            if (!claimed)
            {
                return new DigestSendResult(DigestSendOutcome.AlreadySent, day, last, null) { Pharmacy = pharmacy.Finess };
            }

            if (outbox.Sinks.Ids.Count == 0)
            {
                return new DigestSendResult(DigestSendOutcome.NoSink, day, last, null) { Pharmacy = pharmacy.Finess };
            }

            var document = Render(await DigestBuilder.BuildAsync(session, day, options.Time, health?.Read(), cancellationToken).ConfigureAwait(false), OptionsOf(pharmacy));
            var digest = outbox.Create(HubEventType.DailyDigest) with { Digest = document, Message = document.Subject, Pharmacy = pharmacy.Finess };
            await outbox.EnqueueAsync(session, digest, cancellationToken).ConfigureAwait(false);
            await DigestDayClaim.RecordAsync(session, day, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            result = new DigestSendResult(DigestSendOutcome.Sent, day, day, digest.Id) { Pharmacy = pharmacy.Finess };
        }

        signal?.Pulse();
        return result;
    }

    /// <summary>
    /// Sends every pharmacy's digest of <paramref name="day"/> (see <see cref="Pharmacies"/>), each in its own
    /// transaction: one pharmacy's failure is thrown after the others were tried.
    /// </summary>
    public async Task<IReadOnlyList<DigestSendResult>> SendAllAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var results = new List<DigestSendResult>();
        var failures = new List<Exception>();
        foreach (var pharmacy in Pharmacies)
        {
            try
            {
                results.Add(await SendAsync(pharmacy, day, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(new InvalidOperationException($"The digest of {pharmacy} could not be sent: {e.Message}", e));
            }
        }

        return failures.Count == 0 ? results : throw new AggregateException($"{failures.Count} of {Pharmacies.Count} digest(s) of {day:yyyy-MM-dd} failed; the others were sent.", failures);
    }

    /// <summary>
    /// Sends the single-pharmacy hub's digest of today if its time has passed and it was not sent.
    /// </summary>
    /// <returns>What the send did, or <see langword="null"/> before today's digest time.</returns>
    public async Task<DigestSendResult?> CatchUpAsync(CancellationToken cancellationToken) =>
        IsPastTime ? await SendAsync(Today, cancellationToken).ConfigureAwait(false) : null;

    // A pharmacy's own name greets it; the hub-wide Hub:Digest:PharmacyName otherwise.
    private DigestOptions OptionsOf(PharmacyScope pharmacy) =>
        pharmacy.Finess is { } finess && tenancy?.NameOf(Core.Tenancy.FinessNumber.Parse(finess)) is { } name ? options with { PharmacyName = name } : options;

    private DigestDocument Render(DigestContent content, DigestOptions settings)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = DigestView.For(content, settings, s => s);
        var html = DigestView.For(content, settings, Html.Encode);
        return new DigestDocument(content.Day, templates.Subject(text), templates.Html(html), templates.Text(text));
    }
}
