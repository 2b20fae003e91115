namespace RecallHub.Sources.AclSante.Fsn;

/// <summary>One lot of a device, as written, with its expiry when the notice gives it.</summary>
/// <param name="Lot">The lot number.</param>
/// <param name="Expiry">Its expiry date.</param>
internal sealed record WireLot(string Lot, DateOnly? Expiry = null);
