namespace RecallHub.Sources.RappelConso.Identification;

/// <summary>
/// One entry of <c>identification_produits</c>: <c>GTIN$lot$date type$date$end date</c>.
/// </summary>
/// <param name="Code">The code as written, spaces removed (may be empty or not a GTIN).</param>
/// <param name="Gtin">The code as a GTIN-14 when it is a GTIN with a valid check digit; otherwise <see langword="null"/>.</param>
/// <param name="Lot">The lot, or <see langword="null"/> when none is given or every lot is concerned.</param>
/// <param name="AllLots"><see langword="true"/> for "tous les lots".</param>
/// <param name="DateType">What the dates are, as written: <c>date limite de consommation</c> (DLC), <c>date de durabilité minimale</c> (DDM), <c>non concerné</c>…</param>
/// <param name="DateFrom">The date, or the first date of a range.</param>
/// <param name="DateTo">The last date of a range.</param>
internal sealed record ProductIdentification(
    string Code,
    string? Gtin,
    string? Lot,
    bool AllLots,
    string? DateType,
    DateOnly? DateFrom,
    DateOnly? DateTo);
