using RecallHub.Core.Storage;

namespace RecallHub.Host.Engine;

/// <summary>The hub's store as <see cref="HubStoreOpener"/> opened it, released with it whatever its kind.</summary>
/// <param name="Store">The store.</param>
/// <param name="Description">Where the data is, for messages: the SQLite file's full path, or which PostgreSQL setting.</param>
internal sealed record OpenedHubStore(IRecallHubStore Store, string Description) : IAsyncDisposable
{
    /// <summary>Releases the store's connections, whichever way its kind releases them.</summary>
    public ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
