namespace RecallHub.Core.Storage;

/// <summary>Shortcuts on <see cref="IRecallHubStore"/>.</summary>
public static class RecallHubStoreExtensions
{
    /// <summary>Opens a session for the single pharmacy of a single-pharmacy hub (<see cref="PharmacyScope.Single"/>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    public static Task<IStoreSession> OpenSessionAsync(this IRecallHubStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.OpenSessionAsync(PharmacyScope.Single, cancellationToken);
    }
}
