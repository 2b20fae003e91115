using RecallHub.Abstractions.Identifiers;

namespace RecallHub.Core.Matching;

/// <summary>
/// What matching needs from one pack: its product key and its production identifiers. A value left
/// <see langword="null"/> (or blank) is unknown: a recall that selects on it answers
/// <see cref="MatchOutcome.CannotTell"/>, never <see cref="MatchOutcome.NotConcerned"/>.
/// </summary>
/// <param name="ProductKey">The product key (<see cref="Matching.ProductKey"/>): the GTIN-14, <c>HIBCC:…</c> or <c>PPN:…</c>.</param>
/// <param name="Lot">The lot as read (case and white space do not matter).</param>
/// <param name="Serial">The serial number as read.</param>
/// <param name="Expiry">The expiry date.</param>
/// <param name="ProductionDate">The production date.</param>
public readonly record struct PackIdentity(
    string ProductKey,
    string? Lot = null,
    string? Serial = null,
    DateOnly? Expiry = null,
    DateOnly? ProductionDate = null)
{
    /// <summary>
    /// The identity of a scanned pack, or <see langword="null"/> when the scan carries no product code that can be
    /// matched (see <see cref="Matching.ProductKey.Of(BarcodeReading)"/>).
    /// </summary>
    /// <param name="reading">The scan as <see cref="BarcodeReader.Read"/> returns it.</param>
    /// <remarks>
    /// Fields are taken as the reading gives them. An ambiguous lenient reading keeps only the values every
    /// alternative agrees on, so a lot it could not settle is unknown and lot recalls answer
    /// <see cref="MatchOutcome.CannotTell"/>. A reading with errors is matched on what could be read; show its errors
    /// with the verdict.
    /// </remarks>
    public static PackIdentity? From(BarcodeReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return Matching.ProductKey.Of(reading) is { } key
            ? new PackIdentity(key, reading.Lot, reading.Serial, reading.Expiry, reading.ProductionDate)
            : null;
    }
}
