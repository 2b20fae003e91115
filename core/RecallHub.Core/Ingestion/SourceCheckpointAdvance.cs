namespace RecallHub.Core.Ingestion;

/// <summary>A source's new checkpoint, committed together with the notices of the pull that returned it.</summary>
/// <param name="SourceId">The source plugin's id.</param>
/// <param name="Checkpoint">The checkpoint.</param>
public sealed record SourceCheckpointAdvance(string SourceId, string Checkpoint);
