namespace RecallHub.Core.Storage;

/// <summary>A source's checkpoint.</summary>
/// <param name="SourceId">The source plugin's id.</param>
/// <param name="Checkpoint">The checkpoint, as the source wrote it.</param>
/// <param name="UpdatedAt">When it was last set.</param>
public sealed record SourceCheckpoint(string SourceId, string Checkpoint, DateTimeOffset UpdatedAt);
