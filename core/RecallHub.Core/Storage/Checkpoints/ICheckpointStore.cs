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

    /// <summary>
    /// Sets the source's checkpoint only if it still is <paramref name="expected"/>: when several hosts share the
    /// store, a pull that read a checkpoint another host has since moved must not move it back.
    /// </summary>
    /// <param name="sourceId">The source plugin's id.</param>
    /// <param name="expected">The checkpoint the pull started from; <see langword="null"/> when there was none.</param>
    /// <param name="checkpoint">The new checkpoint.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the checkpoint was no longer <paramref name="expected"/>; nothing was written.</returns>
    Task<bool> TryAdvanceAsync(string sourceId, string? expected, string checkpoint, CancellationToken cancellationToken = default);
}
