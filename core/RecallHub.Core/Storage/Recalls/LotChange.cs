namespace RecallHub.Core.Storage;

/// <summary>A lot added to or removed from a recalled product.</summary>
/// <param name="ProductKey">The product's key (<see cref="ProductKeys"/>).</param>
/// <param name="Lot">The lot as the notice writes it.</param>
public sealed record LotChange(string ProductKey, string Lot);
