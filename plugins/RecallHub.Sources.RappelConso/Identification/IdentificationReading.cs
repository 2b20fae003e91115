namespace RecallHub.Sources.RappelConso.Identification;

/// <summary>What <see cref="IdentificationProduitsParser"/> read from one <c>identification_produits</c> value.</summary>
/// <param name="Entries">The products, in the order written.</param>
/// <param name="Problems">What could not be read, in plain sentences (a bad check digit, an unreadable date…).</param>
/// <param name="UnrecognisedTokens">Text that is neither a GTIN, a lot nor a date (free text and placeholders).</param>
/// <param name="UnqualifiedDates">Dates found outside any entry.</param>
/// <param name="IsFreeText">
/// <see langword="true"/> when the value was not in the <c>$</c>-separated form and entries were found by heuristics
/// (the V1 schema's free text): the notice must then be checked by people.
/// </param>
internal sealed record IdentificationReading(
    IReadOnlyList<ProductIdentification> Entries,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> UnrecognisedTokens,
    IReadOnlyList<DateOnly> UnqualifiedDates,
    bool IsFreeText)
{
    /// <summary>Nothing to read (a null, empty or blank value).</summary>
    public static IdentificationReading Empty { get; } = new([], [], [], [], false);
}
