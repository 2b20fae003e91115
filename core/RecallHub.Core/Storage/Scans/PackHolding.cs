namespace RecallHub.Core.Storage;

/// <summary>
/// A pack the pharmacy holds or held, summed up from its scans: one per serialised box, or one per product and lot for
/// packs scanned without a serial. What a new recall is matched against.
/// </summary>
/// <param name="ProductKey">The product key.</param>
/// <param name="Gtin">The GTIN-14, when known.</param>
/// <param name="Lot">The lot as read, when known.</param>
/// <param name="Serial">The serial number, for a serialised box.</param>
/// <param name="Expiry">The expiry, when known.</param>
/// <param name="ProductionDate">The production date, when known.</param>
/// <param name="InStock">
/// Whether it may still be on the shelves: for a box, its state is in stock; for a lot, more boxes came in (received,
/// returned) than went out (dispensed, destroyed, implanted).
/// </param>
/// <param name="Dispensed">Whether it (or a box of the lot) went to a patient: dispensed or implanted.</param>
/// <param name="LastScanId">Its latest scan.</param>
/// <param name="LastScannedAt">When that scan was made.</param>
/// <param name="Workstation">Where that scan was made.</param>
public sealed record PackHolding(
    string ProductKey,
    string? Gtin,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    DateOnly? ProductionDate,
    bool InStock,
    bool Dispensed,
    long LastScanId,
    DateTimeOffset LastScannedAt,
    string? Workstation)
{
    /// <summary>
    /// The pharmacy the pack belongs to: <c>""</c> in a single-pharmacy hub, else its FINESS number (see
    /// <see cref="PharmacyScope"/>).
    /// </summary>
    public string Pharmacy { get; init; } = "";
}
