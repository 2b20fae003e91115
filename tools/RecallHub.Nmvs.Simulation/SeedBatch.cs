namespace RecallHub.Nmvs.Simulation;

/// <summary>A batch of the seed.</summary>
/// <param name="Batch">The batch number.</param>
/// <param name="Expiry">Its expiry.</param>
/// <param name="Packs">Its packs.</param>
/// <param name="Recalled">Whether it is recalled.</param>
public sealed record SeedBatch(string Batch, DateOnly Expiry, IReadOnlyList<SeedPack> Packs, bool Recalled = false);
