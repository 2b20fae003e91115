using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Products;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Notices;

/// <summary>Everything read from one ANSM notice page, before it becomes a <see cref="RecallNotice"/>.</summary>
internal sealed record NoticePage
{
    /// <summary>The notice's slug: the last segment of its URL.</summary>
    public required string SourceId { get; init; }

    /// <summary>The page's URL, when known.</summary>
    public Uri? Url { get; init; }

    /// <summary>The <c>h1</c> title as published.</summary>
    public required string Title { get; init; }

    /// <summary>The product part of the title (before the dash).</summary>
    public required string ProductName { get; init; }

    /// <summary>The laboratory or manufacturer (after the dash, without the alert number).</summary>
    public string? Laboratory { get; init; }

    /// <summary>The <c>PUBLIÉ LE</c> date.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The category as written, such as <c>RAPPEL DE PRODUIT</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The health-product type.</summary>
    public HealthProductType ProductType { get; init; }

    /// <summary>The alert number, from the title or the body.</summary>
    public AlertNumber? AlertNumber { get; init; }

    /// <summary>The recall-level sentence as written.</summary>
    public string? RecallLevelText { get; init; }

    /// <summary>The levels it names.</summary>
    public RecallLevels RecallLevels { get; init; }

    /// <summary>The sentence that says why.</summary>
    public string? Reason { get; init; }

    /// <summary>What to do, as written.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The update notes, oldest first.</summary>
    public IReadOnlyList<NoticeUpdate> Updates { get; init; } = [];

    /// <summary>The products read, with their lots.</summary>
    public IReadOnlyList<ProductDraft> Products { get; init; } = [];

    /// <summary>Lots no product code could own.</summary>
    public IReadOnlyList<LotEntry> UnassignedLots { get; init; } = [];

    /// <summary><see langword="true"/> when the notice says every lot is concerned.</summary>
    public bool AllLotsStated { get; init; }

    /// <summary>The page and the documents it links to.</summary>
    public IReadOnlyList<NoticeLink> Links { get; init; } = [];

    /// <summary>1, plus one per distinct update date.</summary>
    public int Version => 1 + Updates.Select(u => u.Date).Distinct().Count();

    /// <summary>
    /// The notice in the hub's form. It is low-confidence when the kind is unknown, when a recall has no product with a
    /// code, or when a product's lots could not be read (it is then recalled for every lot so that people check it
    /// rather than let it leave).
    /// </summary>
    /// <param name="rawPayload">The page's HTML to keep, or <see langword="null"/>.</param>
    /// <exception cref="FormatException">The page has no publication date.</exception>
    public RecallNotice ToRecallNotice(string? rawPayload)
    {
        var published = PublishedOn ?? throw new FormatException($"The ANSM notice '{Title}' has no publication date ('PUBLIÉ LE dd/mm/yyyy').");
        var knownKind = NoticeCategories.KindOf(Category, ProductType);
        var kind = knownKind ?? (Products.Count > 0 ? NoticeKind.LotRecall : NoticeKind.Information);
        bool lowConfidence = knownKind is null || (kind != NoticeKind.Information && Products.Count == 0);
        var products = new List<RecalledProduct>(Products.Count);
        foreach (var draft in Products)
        {
            LotSelector selector;
            if (draft.Lots.Count > 0)
            {
                selector = new LotSelector { Lots = draft.Lots };
            }
            else
            {
                lowConfidence |= !AllLotsStated && kind is not (NoticeKind.ProductWithdrawal or NoticeKind.Information);
                selector = LotSelector.All;
            }

            products.Add(new RecalledProduct(draft.Scheme, draft.Code, draft.Label ?? ProductName, selector));
        }

        var latest = Updates.Count > 0 ? Updates.Max(u => u.Date) : published;
        return new RecallNotice
        {
            Source = AnsmSource.Id,
            SourceId = SourceId,
            Version = Version,
            Kind = kind,
            PublishedAt = FrenchDates.ParisMidnight(latest > published ? latest : published),
            Title = Title,
            Reason = Reason,
            RecallLevels = RecallLevels,
            AlertNumber = AlertNumber?.Normalized,
            Actions = Actions,
            Links = Links,
            Products = products,
            IsLowConfidence = lowConfidence,
            RawPayload = rawPayload,
        };
    }
}
