using RecallHub.Core.Storage;

namespace RecallHub.Core.Checking;

/// <summary>
/// The counter's checker over the active recalls, kept in memory for the hot path (every check, every new scan) and
/// swapped whole when refreshed: readers never see a half-built index.
/// </summary>
/// <remarks>
/// A refresh reads a cheap stamp of the active recalls and rebuilds the index only when it changed; the lifted blocks
/// (a few rows) are read every time, so a lift made by another process reaches the counter at the next refresh.
/// </remarks>
/// <param name="store">The hub's store.</param>
public sealed class ActiveRecallsCache(IRecallHubStore store) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private PackChecker? _checker;
    private string? _stamp;

    /// <summary>The current checker.</summary>
    /// <exception cref="InvalidOperationException">No refresh has completed yet.</exception>
    public PackChecker Checker => Volatile.Read(ref _checker) ?? throw new InvalidOperationException("The active recalls are not loaded yet.");

    /// <summary>Whether a refresh has completed.</summary>
    public bool IsLoaded => Volatile.Read(ref _checker) is not null;

    /// <summary>How many times the index was rebuilt (for tests and the health report).</summary>
    public int Rebuilds { get; private set; }

    /// <summary>The stamp of the active recalls the checker was built from.</summary>
    public string? Stamp => Volatile.Read(ref _stamp);

    /// <summary>
    /// Refreshes the checker unless it was built from <paramref name="currentStamp"/>: a writer that read the stamp inside
    /// its transaction then checks against every recall committed before it, even one committed by another process an
    /// instant earlier.
    /// </summary>
    /// <param name="currentStamp">The stamp just read from the store.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public Task EnsureCurrentAsync(string currentStamp, CancellationToken cancellationToken = default) =>
        IsLoaded && string.Equals(currentStamp, Stamp, StringComparison.Ordinal) ? Task.CompletedTask : RefreshAsync(cancellationToken);

    /// <summary>Brings the checker up to date with the store.</summary>
    /// <param name="cancellationToken">Cancels the refresh; the previous checker stays.</param>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Recalls are shared; the lifted blocks are every pharmacy's, each checked only against its own scans.
            await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            string stamp = await session.Recalls.GetActiveStampAsync(cancellationToken).ConfigureAwait(false);
            var checker = _checker;
            if (checker is null || !string.Equals(stamp, _stamp, StringComparison.Ordinal))
            {
                checker = await PackCheckerLoader.LoadAsync(session.Recalls, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _stamp, stamp);
                Rebuilds++;
            }

            var lifted = new LiftedBlocks(await session.Blocks.ListLiftedOfActiveRecallsAsync(cancellationToken).ConfigureAwait(false));
            Volatile.Write(ref _checker, checker.WithLifted(lifted));
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();
}
