namespace RecallHub.Core.Storage;

/// <summary>A transaction of an <see cref="IStoreSession"/>: all its operations are kept, or none.</summary>
/// <remarks>
/// Once <see cref="CommitAsync"/> has returned, the writes are durable as the store promises (for SQLite: they
/// survive the process being killed). Disposing a transaction that was neither committed nor rolled back rolls it back.
/// </remarks>
public interface IStoreTransaction : IAsyncDisposable
{
    /// <summary>Makes every write of the transaction durable and visible.</summary>
    /// <param name="cancellationToken">Not observed once the commit has started.</param>
    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Undoes every write of the transaction.</summary>
    /// <param name="cancellationToken">Not observed.</param>
    Task RollbackAsync(CancellationToken cancellationToken = default);
}
