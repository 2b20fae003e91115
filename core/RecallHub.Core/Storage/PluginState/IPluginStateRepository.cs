namespace RecallHub.Core.Storage;

/// <summary>The durable key/value state of every plugin, each in its own namespace (behind <c>IPluginStateStore</c>).</summary>
/// <remarks>Keys are at most 200 characters and values at most 64 KiB; larger ones are refused with <see cref="ArgumentException"/>.</remarks>
public interface IPluginStateRepository
{
    /// <summary>A value, or <see langword="null"/> when the key was never set or was removed.</summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<string?> GetAsync(string pluginId, string key, CancellationToken cancellationToken = default);

    /// <summary>Sets a value, replacing any previous one.</summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SetAsync(string pluginId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes a value; removing a missing key does nothing.</summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RemoveAsync(string pluginId, string key, CancellationToken cancellationToken = default);
}
