using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.Ansm.Http;
using RecallHub.Sources.Ansm.Listing;
using RecallHub.Sources.Ansm.Notices;

namespace RecallHub.Sources.Ansm;

/// <summary>
/// The ANSM source (<c>ansm</c>): walks the safety-information listing newest first down to the checkpoint, reads
/// each new notice page, and returns the notices oldest first, in batches.
/// </summary>
/// <remarks>
/// <para>The checkpoint is the newest notice already returned: <c>yyyy-MM-dd /path</c> (its listing date and page
/// path). A walk stops at that notice, at an older date, at <c>since</c>, at the last page or after
/// <c>max_pages</c>.</para>
/// <para>The listing's first page is asked conditionally (<c>If-None-Match</c>/<c>If-Modified-Since</c>, stored in the
/// plugin state) when the hub comes back with the checkpoint that page led to; a <c>304</c> then means nothing new
/// without reading further. A first page without cards fails the pull with <see cref="AnsmPageStructureException"/>.</para>
/// </remarks>
public sealed class AnsmSource : IRecallSource
{
    /// <summary>The plugin's id.</summary>
    public const string Id = "ansm";

    private const string ETagKey = "listing:etag";
    private const string LastModifiedKey = "listing:last-modified";
    private const string ValidatedCheckpointKey = "listing:checkpoint";

    private ISourceContext? _context;
    private AnsmSettings _settings = new();
    private PoliteFetcher? _fetcher;
    private PendingCards? _pending;

    /// <inheritdoc />
    public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _settings = AnsmSettings.Read(context.Settings);
        _context = context;
        _fetcher = new PoliteFetcher(context.CreateHttpClient(), context.Time, _settings, context.Log);
        context.Log.Write(PluginLogLevel.Information, $"Reading ANSM notices from {_settings.BaseUrl}, {_settings.Delay.TotalSeconds:0.#} s between requests.");
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        var context = _context ?? throw new InvalidOperationException("The ANSM source was not started.");
        if (_pending is null || _pending.From != checkpoint)
        {
            _pending = await WalkAsync(context, checkpoint, cancellationToken).ConfigureAwait(false);
        }

        var pending = _pending;
        var batch = pending.Cards.Take(_settings.BatchSize).ToList();
        var rest = pending.Cards.Skip(_settings.BatchSize).ToList();
        var notices = new List<RecallNotice>(batch.Count);
        foreach (var card in batch)
        {
            if (await ReadNoticeAsync(context, card, cancellationToken).ConfigureAwait(false) is { } notice)
            {
                notices.Add(notice);
            }
        }

        string? next = rest.Count == 0 ? pending.Final : AnsmCheckpoint.Of(batch[^1])?.ToString() ?? checkpoint;
        _pending = rest.Count == 0 ? null : new PendingCards(next, rest, pending.Final);
        return new SourceFetchResult(notices, next, rest.Count > 0);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A notice page gives one notice; a listing page gives one low-confidence notice per dated card (no products: the
    /// cards do not list them). Relative links resolve against <see cref="SourcePayload.Url"/>, or ansm.sante.fr.
    /// </remarks>
    public IReadOnlyList<RecallNotice> Parse(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var document = new HtmlParser().ParseDocument(payload.Content);
        if (ListingPageReader.IsListing(document))
        {
            var baseUri = payload.Url ?? new Uri(NoticePageReader.Site, "/informations-de-securite/");
            return [.. ListingPageReader.ReadCards(document, baseUri).Select(card => CardNotice.From(card, null)).OfType<RecallNotice>()];
        }

        return NoticePageReader.IsNotice(document)
            ? [NoticePageReader.Read(document, payload.Url).ToRecallNotice(payload.Content)]
            : throw new FormatException("This is neither an ANSM listing page (no article.article-item cards) nor an ANSM notice page (no h1 title).");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<PendingCards> WalkAsync(ISourceContext context, string? checkpoint, CancellationToken cancellationToken)
    {
        var from = AnsmCheckpoint.Parse(checkpoint);
        var fetcher = _fetcher!;
        var found = new List<ListingCard>();
        ListingCard? newest = null;
        PageValidators? firstPageValidators = null;
        for (int page = 1; page <= _settings.MaxPages; page++)
        {
            var url = page == 1 ? _settings.BaseUrl : new Uri(_settings.BaseUrl, "?page=" + page.ToString(CultureInfo.InvariantCulture));
            FetchedPage fetched;
            if (page == 1)
            {
                var validators = await ValidatorsForAsync(context, checkpoint, cancellationToken).ConfigureAwait(false);
                fetched = await fetcher.GetAsync(url, validators, cancellationToken).ConfigureAwait(false);
                if (fetched.Status == HttpStatusCode.NotModified && validators is not null)
                {
                    context.Log.Write(PluginLogLevel.Debug, $"{url} is not modified since the last pull: nothing new.");
                    return new PendingCards(checkpoint, [], checkpoint);
                }

                firstPageValidators = new PageValidators(fetched.ETag, fetched.LastModified);
            }
            else
            {
                fetched = await fetcher.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
                if (fetched.Status == HttpStatusCode.NotFound)
                {
                    break;
                }
            }

            if (!fetched.IsSuccess)
            {
                throw new HttpRequestException($"GET {url} answered {(int)fetched.Status} {fetched.Status}.", null, fetched.Status);
            }

            var document = new HtmlParser().ParseDocument(fetched.Content);
            var cards = ListingPageReader.ReadCards(document, url);
            if (cards.Count == 0)
            {
                if (page == 1)
                {
                    throw new AnsmPageStructureException(
                        $"The ANSM listing {url} answered {(int)fetched.Status} but has no notice card ('{ListingPageReader.CardSelector}' with a link): the site's page structure has probably changed, so nothing could be read. Update the plugin's selectors; the checkpoint was not moved.");
                }

                break;
            }

            newest ??= cards[0];
            bool reached = false;
            foreach (var card in cards)
            {
                if ((from?.Reached(card) ?? false) || (_settings.Since is { } since && card.Date < since))
                {
                    reached = true;
                    break;
                }

                if (_settings.Keeps(card))
                {
                    found.Add(card);
                }
            }

            if (reached || !ListingPageReader.LinksToPage(document, page + 1))
            {
                break;
            }

            if (page == _settings.MaxPages)
            {
                context.Log.Write(PluginLogLevel.Warning, $"Walked {page} listing pages without reaching the checkpoint ({checkpoint ?? "first pull"}); older notices are left out. Raise max_pages to read further.");
            }
        }

        string? final = newest is null ? checkpoint : AnsmCheckpoint.Of(newest)?.ToString() ?? checkpoint;
        if (firstPageValidators is { Any: true } && final is not null)
        {
            // The validators stand for the page that led to 'final': a later pull from 'final' may ask conditionally.
            await context.State.SetAsync(ETagKey, firstPageValidators.ETag ?? "", cancellationToken).ConfigureAwait(false);
            await context.State.SetAsync(LastModifiedKey, firstPageValidators.LastModified ?? "", cancellationToken).ConfigureAwait(false);
            await context.State.SetAsync(ValidatedCheckpointKey, final, cancellationToken).ConfigureAwait(false);
        }

        found.Reverse();
        context.Log.Write(PluginLogLevel.Information, $"{found.Count} new ANSM notice(s) since {checkpoint ?? "the start"}.");
        return new PendingCards(checkpoint, found, final);
    }

    // Conditional only when the hub comes back with the checkpoint the stored validators led to: a 304 otherwise could
    // hide notices of a pull whose results were never committed.
    private static async Task<PageValidators?> ValidatorsForAsync(ISourceContext context, string? checkpoint, CancellationToken cancellationToken)
    {
        if (checkpoint is null || await context.State.GetAsync(ValidatedCheckpointKey, cancellationToken).ConfigureAwait(false) != checkpoint)
        {
            return null;
        }

        var validators = new PageValidators(
            NullIfEmpty(await context.State.GetAsync(ETagKey, cancellationToken).ConfigureAwait(false)),
            NullIfEmpty(await context.State.GetAsync(LastModifiedKey, cancellationToken).ConfigureAwait(false)));
        return validators.Any ? validators : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private async Task<RecallNotice?> ReadNoticeAsync(ISourceContext context, ListingCard card, CancellationToken cancellationToken)
    {
        var fetched = await _fetcher!.GetAsync(card.Url, null, cancellationToken).ConfigureAwait(false);
        if (!fetched.IsSuccess)
        {
            context.Log.Write(PluginLogLevel.Warning, $"The notice page {card.Url} answered {(int)fetched.Status}: the notice is kept from its listing card, low-confidence.");
            return CardNotice.From(card, null);
        }

        try
        {
            IDocument document = new HtmlParser().ParseDocument(fetched.Content);
            var page = NoticePageReader.Read(document, card.Url, card);
            return page.ToRecallNotice(_settings.KeepRawPayload ? fetched.Content : null);
        }
        catch (FormatException e)
        {
            context.Log.Write(PluginLogLevel.Warning, $"The notice page {card.Url} could not be read ({e.Message}): the notice is kept from its listing card, low-confidence.");
            return CardNotice.From(card, _settings.KeepRawPayload ? fetched.Content : null);
        }
    }
}
