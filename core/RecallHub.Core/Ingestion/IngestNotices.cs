using Mediator;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Ingestion;

/// <summary>
/// Stores notices and acts on them, all in one transaction: each notice is upserted, the packs it concerns are found
/// among the pharmacy's scans, those in stock are blocked, those dispensed are reported when the recall reaches
/// patients, every change is written to each sink's outbox, and a pull source's checkpoint is advanced.
/// </summary>
/// <param name="Notices">The notices, oldest first; all are checked before anything is stored.</param>
/// <param name="Origin">Who handed them in, for logs and messages: a source plugin's id, <c>api</c>, <c>cli</c>.</param>
public sealed record IngestNotices(IReadOnlyList<RecallNotice> Notices, string Origin) : IRequest<IngestReport>
{
    /// <summary>The checkpoint to store for a pull source once the notices are committed, with them.</summary>
    public SourceCheckpointAdvance? Checkpoint { get; init; }
}
