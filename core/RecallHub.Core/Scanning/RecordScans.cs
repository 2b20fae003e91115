using Mediator;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>
/// Stores a batch of scans and checks each against the active recalls at once: a pack a recall concerns is blocked on
/// the spot, in the same transaction. Codes that cannot be read are refused one by one with what is wrong; the rest of
/// the batch is still stored.
/// </summary>
/// <param name="Scans">The scans, in the order they were made.</param>
public sealed record RecordScans(IReadOnlyList<ScanSubmission> Scans) : IRequest<ScanBatchResult>
{
    /// <summary>The largest batch one request may carry.</summary>
    public const int MaxBatch = 50_000;

    /// <summary>
    /// A checkpoint to store with the scans, in the same transaction: an import says how far through its file it got,
    /// so that after a crash it resumes exactly after the last committed batch.
    /// </summary>
    public SourceCheckpointAdvance? Checkpoint { get; init; }

    /// <summary>The pharmacy it is done for; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }

    /// <summary>
    /// <see cref="Scans"/> already read (<see cref="ScanReadings.Read"/> on this very list), so that an import reads its
    /// next batch while this one is stored; <see langword="null"/> to have the handler read them.
    /// </summary>
    public ScanReadings? ReadAhead { get; init; }
}
