namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// A small durable key/value store private to one plugin: ETags, last-seen ids, tokens' expiry… Not for bulk data.
/// </summary>
/// <remarks>
/// Values survive restarts. A write is durable when the returned task completes. Keys are at most 200 characters
/// and values at most 64 KiB; larger ones are refused with <see cref="ArgumentException"/>.
/// </remarks>
public interface IPluginStateStore
{
    /// <summary>Reads a value, or <see langword="null"/> when the key was never set or was removed.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Sets a value, replacing any previous one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Removes a value; removing a missing key does nothing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}
