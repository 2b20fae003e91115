namespace RecallHub.Core.Ingestion;

/// <summary>The checkpoint a pull started from, which must still be the stored one when the pull commits.</summary>
/// <param name="Checkpoint">The checkpoint; <see langword="null"/> when the source had none yet.</param>
public sealed record ExpectedCheckpoint(string? Checkpoint);
