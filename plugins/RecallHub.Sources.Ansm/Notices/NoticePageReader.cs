using System.Text.RegularExpressions;
using AngleSharp.Dom;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Listing;
using RecallHub.Sources.Ansm.Products;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Notices;

/// <summary>
/// Reads an ANSM notice page: the <c>h1</c> title (<c>Product, form – Laboratory (MED26/A019/B018)</c>), the header
/// (category, health-product type, <c>PUBLIÉ LE</c>), and the body in <c>div.wysiwyg-content</c>.
/// </summary>
internal static partial class NoticePageReader
{
    /// <summary>Where relative links resolve when the page's URL is not known.</summary>
    public static readonly Uri Site = new("https://ansm.sante.fr/");

    /// <summary><see langword="true"/> when <paramref name="document"/> looks like a notice page.</summary>
    public static bool IsNotice(IDocument document) => document.QuerySelector("h1") is not null;

    /// <summary>Reads the page.</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="url">Where it was fetched from, when known.</param>
    /// <param name="card">The listing card that announced it, for what the page lacks.</param>
    /// <exception cref="FormatException">The page has no <c>h1</c> title.</exception>
    public static NoticePage Read(IDocument document, Uri? url, ListingCard? card = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var h1 = document.QuerySelector("main h1") ?? document.QuerySelector("h1")
            ?? throw new FormatException("The page has no h1 title: it is not an ANSM notice page, or the page structure changed.");
        string title = FrenchText.Squeeze(h1.TextContent);
        var header = HeaderOf(document, h1);
        string? category = header.Category ?? card?.Category;
        string? productType = header.HealthProduct ?? card?.HealthProduct;

        var containers = document.QuerySelectorAll("div.wysiwyg-content").ToList();
        if (containers.Count == 0)
        {
            containers = [document.QuerySelector("main") ?? document.Body ?? document.DocumentElement];
        }

        var blocks = NoticeBlockReader.Read(containers);
        var lines = blocks.SelectMany(LinesOf).ToList();
        string bodyText = string.Join("\n", lines);
        var reading = ProductListReader.Read(blocks);
        string? levelSentence = RecallLevelReader.FindSentence(lines) ?? RecallLevelReader.FindSentence(card?.Summary is { } s ? [s] : []);
        var (productName, laboratory) = SplitTitle(title);
        var baseUri = url ?? Site;

        return new NoticePage
        {
            SourceId = SourceIdOf(document, url, title),
            Url = url,
            Title = title,
            ProductName = productName,
            Laboratory = laboratory,
            PublishedOn = header.Date ?? PublicationDate(bodyText) ?? card?.Date,
            Category = category,
            ProductType = NoticeCategories.TypeOf(productType),
            AlertNumber = AlertNumber.Find(title) ?? AlertNumber.Find(bodyText) ?? (card?.Summary is { } summary ? AlertNumber.Find(summary) : null),
            RecallLevelText = levelSentence,
            RecallLevels = RecallLevelReader.Read(levelSentence),
            Reason = lines.Select(ReasonIn).FirstOrDefault(r => r is not null),
            Actions = [.. lines.Where(IsAction).Distinct()],
            Updates = [.. lines.SelectMany(UpdatesIn).DistinctBy(u => u.Date).OrderBy(u => u.Date)],
            Products = reading.Products,
            UnassignedLots = reading.UnassignedLots,
            AllLotsStated = AllLots().IsMatch(FrenchText.Fold(bodyText)),
            Links = LinksOf(containers, url, baseUri),
        };
    }

    /// <summary>The date of a <c>PUBLIÉ LE dd/mm/yyyy</c> text.</summary>
    public static DateOnly? PublicationDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = Published().Match(text);
        return match.Success ? FrenchDates.Parse(match.Groups["date"].Value) : null;
    }

    /// <summary>Splits <c>Product, form – Laboratory (MED26/A019/B018)</c> at its last dash.</summary>
    public static (string ProductName, string? Laboratory) SplitTitle(string title)
    {
        string bare = TrailingAlert().Replace(title, "").Trim();
        int dash = bare.LastIndexOfAny(['–', '—']);
        if (dash < 0)
        {
            dash = bare.LastIndexOf(" - ", StringComparison.Ordinal);
        }

        return dash < 0
            ? (bare, null)
            : (bare[..dash].Trim(' ', '-'), bare[(dash + 1)..].Trim(' ', '-') is { Length: > 0 } lab ? lab : null);
    }

    private static IEnumerable<string> LinesOf(NoticeBlock block) => block switch
    {
        TextBlock text => [text.Text],
        TableBlock table => [.. table.Rows.Select(r => string.Join(" ; ", r))],
        _ => [],
    };

    private static (string? Category, string? HealthProduct, DateOnly? Date) HeaderOf(IDocument document, IElement h1)
    {
        string? category = TextOf(document, ".article-category");
        string? type = TextOf(document, ".article-health-product");
        var date = PublicationDate(TextOf(document, ".article-date"));
        if (category is not null && type is not null && date is not null)
        {
            return (category, type, date);
        }

        // Pages without the spans write one line before the title: "RAPPEL DE PRODUIT - Dispositifs médicaux - PUBLIÉ LE 09/07/2026".
        for (var previous = h1.PreviousElementSibling; previous is not null; previous = previous.PreviousElementSibling)
        {
            string line = FrenchText.Squeeze(previous.TextContent);
            if (Published().IsMatch(line))
            {
                var parts = HeaderSeparator().Split(line);
                return (
                    category ?? (parts.Length > 1 ? parts[0] : null),
                    type ?? (parts.Length > 2 ? parts[1] : null),
                    date ?? PublicationDate(line));
            }
        }

        return (category, type, date);
    }

    private static string? TextOf(IDocument document, string selector) =>
        document.QuerySelector(selector) is { } found && FrenchText.Squeeze(found.TextContent) is { Length: > 0 } text ? text : null;

    private static string SourceIdOf(IDocument document, Uri? url, string title)
    {
        var page = url
            ?? (document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") is { } canonical && Uri.TryCreate(canonical, UriKind.Absolute, out var c) ? c : null)
            ?? (document.QuerySelector("meta[property='og:url']")?.GetAttribute("content") is { } og && Uri.TryCreate(og, UriKind.Absolute, out var o) ? o : null);
        string? slug = page?.Segments.LastOrDefault()?.Trim('/');

        // A saved page without its URL: ANSM's slugs are the title without its alert number, folded.
        return slug is { Length: > 0 } ? slug : FrenchText.Slug(TrailingAlert().Replace(title, ""));
    }

    private static string? ReasonIn(string line)
    {
        var match = Reason().Match(line);
        return match.Success ? FrenchText.Squeeze(match.Value) : null;
    }

    private static bool IsAction(string line)
    {
        string folded = FrenchText.Fold(line);
        return folded.StartsWith("action", StringComparison.Ordinal) || ActionWords().IsMatch(folded);
    }

    private static IEnumerable<NoticeUpdate> UpdatesIn(string line)
    {
        foreach (Match match in Update().Matches(line))
        {
            if (FrenchDates.Parse(match.Groups["date"].Value) is { } date)
            {
                yield return new NoticeUpdate(date, line);
            }
        }
    }

    private static List<NoticeLink> LinksOf(IEnumerable<IElement> containers, Uri? url, Uri baseUri)
    {
        var links = new List<NoticeLink>();
        if (url is not null)
        {
            links.Add(new NoticeLink(url, "Notice ANSM"));
        }

        foreach (var anchor in containers.SelectMany(c => c.QuerySelectorAll("a[href]")))
        {
            if (Uri.TryCreate(baseUri, anchor.GetAttribute("href"), out var target)
                && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
                && !links.Any(l => l.Url == target))
            {
                links.Add(new NoticeLink(target, FrenchText.Squeeze(anchor.TextContent) is { Length: > 0 } text ? text : null));
            }
        }

        return links;
    }

    [GeneratedRegex(@"publi[ée]\s+le\s*:?\s*(?<date>" + FrenchDates.Pattern + ")", RegexOptions.IgnoreCase)]
    private static partial Regex Published();

    [GeneratedRegex(@"\s+[-–—]\s+")]
    private static partial Regex HeaderSeparator();

    [GeneratedRegex(@"\s*\((?:MED\s*\d{2}[^)]*|R\s?\d{7})\)\s*$")]
    private static partial Regex TrailingAlert();

    [GeneratedRegex(@"[^.]*\b(?:fait\s+suite|en\s+raison|suite\s+à|motif\s+du\s+rappel|raison\s+du\s+rappel)\b[^.]*\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Reason();

    [GeneratedRegex(@"ne\s+doi(?:t|vent)\s+plus\s+etre|quarantaine|ne\s+plus\s+(?:dispenser|utiliser)|retourner|renvoyer|\bdetruire\b")]
    private static partial Regex ActionWords();

    [GeneratedRegex(@"actualisation\s+du\s+(?<date>" + FrenchDates.Pattern + ")", RegexOptions.IgnoreCase)]
    private static partial Regex Update();

    [GeneratedRegex(@"\btous\s+les\s+lots\b")]
    private static partial Regex AllLots();
}
