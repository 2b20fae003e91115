using System.Globalization;
using RecallHub.Sources.Ansm.Listing;

namespace RecallHub.Sources.Ansm;

/// <summary>
/// The newest notice already returned: its listing date and its page's path, written
/// <c>2026-08-19 /informations-de-securite/tavneos-10-mg-gelule-laboratoire-vifor-france</c>. The path, not the whole
/// URL, so that the base URL can change without losing the place.
/// </summary>
/// <param name="Date">The card's <c>PUBLIÉ LE</c> date.</param>
/// <param name="Path">The notice page's path.</param>
internal sealed record AnsmCheckpoint(DateOnly Date, string Path)
{
    /// <summary>The checkpoint of a card; cards without a date cannot be one.</summary>
    public static AnsmCheckpoint? Of(ListingCard card) => card.Date is { } date ? new AnsmCheckpoint(date, card.Path) : null;

    /// <summary>Reads a checkpoint written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static AnsmCheckpoint? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateOnly.TryParseExact(text[..space], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && text[(space + 1)..].StartsWith('/')
            ? new AnsmCheckpoint(date, text[(space + 1)..])
            : throw new FormatException($"'{text}' is not an ANSM checkpoint ('yyyy-MM-dd /path-of-the-notice').");
    }

    /// <summary><see langword="true"/> when <paramref name="card"/> is this notice or older: where a walk stops.</summary>
    public bool Reached(ListingCard card) => card.Path == Path || (card.Date is { } date && date < Date);

    /// <inheritdoc />
    public override string ToString() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + Path;
}
