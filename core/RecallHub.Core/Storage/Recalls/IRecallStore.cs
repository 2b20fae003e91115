using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>Recalls: one per logical recall, each with the revisions of the notices that published it.</summary>
/// <remarks>
/// Ingestion is idempotent: the same notice (same source, id, version and content) stored twice is stored once. A
/// notice from another source, or with another id, that carries the alert number of a stored recall is linked to that
/// recall instead of creating a second one. A notice that breaks the contract is refused before anything is written.
/// </remarks>
public interface IRecallStore
{
    /// <summary>Stores a notice: creates its recall, adds a revision, links it, or recognises it as already stored.</summary>
    /// <param name="notice">The notice, checked with <see cref="RecallNoticeJson.Validate"/> first.</param>
    /// <param name="receivedAt">When the hub received it.</param>
    /// <param name="cancellationToken">Cancels the operation (nothing is written when cancelled).</param>
    /// <returns>What happened, the recall's id and, for a revision, what changed.</returns>
    /// <exception cref="RecallNoticeFormatException">The notice breaks the contract; every problem has its JSON path.</exception>
    /// <exception cref="StoreException">The notice could not be stored.</exception>
    Task<RecallUpsertResult> UpsertAsync(RecallNotice notice, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>A recall with its current products and every revision, or <see langword="null"/> when there is none.</summary>
    /// <param name="recallId">The recall's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<StoredRecall?> GetAsync(long recallId, CancellationToken cancellationToken = default);

    /// <summary>Every active recall with its current products (of every linked source): what the matching index is built from.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ActiveRecall>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A value that changes whenever the set of active recalls or their content changes (a notice stored, a recall
    /// closed): cheap to read, so that a cache of <see cref="ListActiveAsync"/> reloads only when needed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<string> GetActiveStampAsync(CancellationToken cancellationToken = default);

    /// <summary>Recalls matching <paramref name="filter"/>, newest publication first.</summary>
    /// <param name="filter">Which recalls.</param>
    /// <param name="paging">Which page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<RecallPage> ListAsync(RecallFilter filter, Paging paging, CancellationToken cancellationToken = default);
}
