namespace RecallHub.Core.Storage;

/// <summary>How far each pull source has read, as an opaque text the source understands.</summary>
/// <remarks>
/// To advance a checkpoint only once its notices are committed, set it in the same session transaction as the
/// notices' upserts (<see cref="IStoreSession.BeginTransactionAsync"/>): rolled back together, committed together.
/// </remarks>
public interface ICheckpointStore
{
    /// <summary>The source's checkpoint, or <see langword="null"/> when it never advanced.</summary>
    /// <param name="sourceId">The source plugin's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<SourceCheckpoint?> GetAsync(string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Sets the source's checkpoint.</summary>
    /// <param name="sourceId">The source plugin's id.</param>
    /// <param name="checkpoint">The new checkpoint.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SetAsync(string sourceId, string checkpoint, CancellationToken cancellationToken = default);
}
