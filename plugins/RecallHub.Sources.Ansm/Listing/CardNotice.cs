using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Notices;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Listing;

/// <summary>
/// A notice made from a listing card alone — when its page cannot be read, or when a saved listing is parsed. It has
/// no product, so it is always low-confidence: people read the page.
/// </summary>
internal static class CardNotice
{
    /// <summary>The card as a low-confidence notice, or <see langword="null"/> when it has no date.</summary>
    public static RecallNotice? From(ListingCard card, string? rawPayload)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Date is not { } date)
        {
            return null;
        }

        var type = NoticeCategories.TypeOf(card.HealthProduct);
        string? levels = RecallLevelReader.FindSentence(card.Summary is { } s ? [s] : []);
        return new RecallNotice
        {
            Source = AnsmSource.Id,
            SourceId = card.Url.Segments[^1].Trim('/') is { Length: > 0 } slug ? slug : FrenchText.Slug(card.Title),
            Kind = NoticeCategories.KindOf(card.Category, type) ?? NoticeKind.Information,
            PublishedAt = FrenchDates.ParisMidnight(date),
            Title = card.Title,
            RecallLevels = RecallLevelReader.Read(levels),
            AlertNumber = (AlertNumber.Find(card.Title) ?? (card.Summary is { } summary ? AlertNumber.Find(summary) : null))?.Normalized,
            Links = [new NoticeLink(card.Url, "Notice ANSM")],
            IsLowConfidence = true,
            RawPayload = rawPayload,
        };
    }
}
