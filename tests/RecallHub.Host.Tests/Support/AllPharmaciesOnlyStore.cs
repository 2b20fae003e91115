using RecallHub.Core.Storage;

namespace RecallHub.Host.Tests.Support;

/// <summary>
/// A store that says it keeps several pharmacies (<see cref="IRecallHubStore.IsMultiPharmacy"/>) but opens only
/// all-pharmacies sessions, on a SQLite file; a one-pharmacy session is refused. For the host's behaviour before any
/// pharmacy's data is touched (configuration, the hub operator's key refused): it isolates nothing, so nothing that
/// needs isolation can pass on it by accident.
/// </summary>
internal sealed class AllPharmaciesOnlyStore(IRecallHubStore inner) : IRecallHubStore
{
    public bool IsMultiPharmacy => true;

    public Task<IStoreSession> OpenSessionAsync(PharmacyScope scope, CancellationToken cancellationToken = default) =>
        scope.IsAll
            ? inner.OpenSessionAsync(scope, cancellationToken)
            : throw new StoreException($"This test store opens no session for {scope}.");
}
