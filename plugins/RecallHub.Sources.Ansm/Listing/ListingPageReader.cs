using AngleSharp.Dom;
using RecallHub.Sources.Ansm.Notices;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Listing;

/// <summary>Reads the ANSM listing page (<c>/informations-de-securite/?page=N</c>): its cards and whether a next page exists.</summary>
internal static class ListingPageReader
{
    /// <summary>The selector of one card.</summary>
    public const string CardSelector = "article.article-item";

    /// <summary><see langword="true"/> when <paramref name="document"/> has listing cards.</summary>
    public static bool IsListing(IDocument document) => document.QuerySelector(CardSelector) is not null;

    /// <summary>The cards, in the listing's order (newest first); cards without a link are skipped.</summary>
    public static IReadOnlyList<ListingCard> ReadCards(IDocument document, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(document);
        var cards = new List<ListingCard>();
        foreach (var article in document.QuerySelectorAll(CardSelector))
        {
            var link = article.QuerySelector("a[href]");
            if (link?.GetAttribute("href") is not { Length: > 0 } href || !Uri.TryCreate(baseUri, href, out var url))
            {
                continue;
            }

            string? title = TextOf(article, ".article-title") ?? link.GetAttribute("title") ?? FrenchText.Squeeze(link.TextContent);
            cards.Add(new ListingCard(
                url,
                NoticePageReader.PublicationDate(TextOf(article, ".article-date")),
                TextOf(article, ".article-category"),
                TextOf(article, ".article-health-product"),
                FrenchText.Squeeze(title),
                TextOf(article, ".article-content")));
        }

        return cards;
    }

    /// <summary><see langword="true"/> when the page links to listing page <paramref name="page"/>.</summary>
    public static bool LinksToPage(IDocument document, int page)
    {
        ArgumentNullException.ThrowIfNull(document);
        string wanted = "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return document.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href") ?? "")
            .Any(href => href.Contains(wanted, StringComparison.Ordinal) && !char.IsAsciiDigit(href.ElementAtOrDefault(href.IndexOf(wanted, StringComparison.Ordinal) + wanted.Length)));
    }

    private static string? TextOf(IElement element, string selector) =>
        element.QuerySelector(selector) is { } found && FrenchText.Squeeze(found.TextContent) is { Length: > 0 } text ? text : null;
}
