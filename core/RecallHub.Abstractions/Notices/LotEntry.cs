namespace RecallHub.Abstractions.Notices;

/// <summary>One recalled lot, as the notice writes it.</summary>
/// <param name="Lot">The lot or batch number.</param>
/// <param name="Expiry">Its expiry date when the notice gives it (helps tell apart lots reused across years).</param>
public sealed record LotEntry(string Lot, DateOnly? Expiry = null);
