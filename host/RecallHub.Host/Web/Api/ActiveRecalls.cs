using RecallHub.Core.Checking;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api;

/// <summary>
/// The checker over the active recalls, kept in memory for the counter's hot path and swapped whole when reloaded
/// from the store: readers never see a half-built index.
/// </summary>
internal sealed class ActiveRecalls(IRecallHubStore store)
{
    private PackChecker? _checker;

    /// <summary>The current checker; throws until the first load completed.</summary>
    public PackChecker Checker => Volatile.Read(ref _checker) ?? throw new InvalidOperationException("The active recalls are not loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _checker) is not null;

    /// <summary>Reads the active recalls from the store and swaps the checker.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        var checker = await PackCheckerLoader.LoadAsync(session.Recalls, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _checker, checker);
    }
}
