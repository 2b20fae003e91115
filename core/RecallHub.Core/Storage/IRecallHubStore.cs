namespace RecallHub.Core.Storage;

/// <summary>
/// The hub's persistent store: recalls, pack scans, blocks, outbox, checkpoints. Work happens in sessions.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and open any number of sessions concurrently; writes from concurrent sessions are
/// serialised by the store (they wait, they do not fail). The schema is brought up to date before the store is
/// handed out, so a store that exists is ready to use.
/// </remarks>
public interface IRecallHubStore
{
    /// <summary>
    /// Opens a session for <paramref name="scope"/>: a connection to the store, with its stores and at most one
    /// transaction at a time.
    /// </summary>
    /// <param name="scope">Whose data the session sees (see <see cref="PharmacyScope"/>).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="StoreException">
    /// The store cannot be reached, or it keeps one pharmacy and <paramref name="scope"/> names another.
    /// </exception>
    Task<IStoreSession> OpenSessionAsync(PharmacyScope scope, CancellationToken cancellationToken = default);

    /// <summary><see langword="true"/> when the store keeps several pharmacies' data apart (PostgreSQL).</summary>
    bool IsMultiPharmacy { get; }
}
