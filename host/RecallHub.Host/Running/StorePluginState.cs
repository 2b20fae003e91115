using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Running;

/// <summary>
/// A plugin's key/value state, kept in the hub's store under the plugin's id: it survives restarts and is written in
/// its own short session, so a plugin never holds the store's write lock while it works.
/// </summary>
internal sealed class StorePluginState(IRecallHubStore store, string pluginId) : IPluginStateStore
{
    /// <summary>The longest key a plugin may use; keys are for cursors and tokens, not documents.</summary>
    public const int MaxKeyLength = 200;

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
        return await session.PluginState.GetAsync(pluginId, key, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
        await session.PluginState.SetAsync(pluginId, key, value, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
        await session.PluginState.RemoveAsync(pluginId, key, cancellationToken).ConfigureAwait(false);
    }

    private void CheckKey(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"Plugin '{pluginId}': a state key must be 1 to {MaxKeyLength} characters, not blank (got '{key}').", nameof(key));
        }
    }
}
