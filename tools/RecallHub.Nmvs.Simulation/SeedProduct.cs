namespace RecallHub.Nmvs.Simulation;

/// <summary>A product of the seed.</summary>
/// <param name="ProductCode">Its GTIN-14.</param>
/// <param name="Batches">Its batches.</param>
/// <param name="Withdrawn">Whether it is withdrawn from the market.</param>
public sealed record SeedProduct(string ProductCode, IReadOnlyList<SeedBatch> Batches, bool Withdrawn = false);
