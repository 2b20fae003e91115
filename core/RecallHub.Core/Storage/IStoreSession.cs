namespace RecallHub.Core.Storage;

/// <summary>
/// A unit of work on the store. Each operation of its stores is atomic on its own; to make several operations
/// atomic together (upsert notices, write blocks and outbox events, advance the source checkpoint), begin a
/// transaction: every operation of this session's stores then joins it until it is committed or rolled back.
/// </summary>
/// <remarks>
/// Not thread-safe: one caller at a time. An operation that fails inside a transaction is undone on its own and the
/// transaction stays usable; disposing the session rolls back a transaction that was not committed.
/// </remarks>
public interface IStoreSession : IAsyncDisposable
{
    /// <summary>Whose data this session sees.</summary>
    PharmacyScope Scope { get; }

    /// <summary>Recalls, their revisions and products.</summary>
    IRecallStore Recalls { get; }

    /// <summary>Pack scans and the state of serialised packs.</summary>
    IScanStore Scans { get; }

    /// <summary>How far each source has read.</summary>
    ICheckpointStore Checkpoints { get; }

    /// <summary>Events waiting for each sink.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>Packs blocked because of a recall, and who lifted the blocks.</summary>
    IBlockStore Blocks { get; }

    /// <summary>Who acknowledged each recall and what was done about it.</summary>
    IRecallFollowUpStore FollowUp { get; }

    /// <summary>Who did what, when.</summary>
    IAuditLog Audit { get; }

    /// <summary>Dashboard accounts.</summary>
    IUserStore Users { get; }

    /// <summary>The plugins' key/value state.</summary>
    IPluginStateRepository PluginState { get; }

    /// <summary>Begins a transaction that the session's stores join until it ends.</summary>
    /// <param name="cancellationToken">Cancels the wait for the write lock.</param>
    /// <exception cref="InvalidOperationException">A transaction is already open in this session.</exception>
    Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
