using System.Collections.Concurrent;
using System.Text;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// A plugin's key/value state in memory, with the hub's limits: keys of 1 to 200 characters, not blank, and values of
/// at most 64 KiB of UTF-8. Give the same instance to a second context to play a restart: the hub keeps the state
/// across restarts in its database. <see cref="FailWrites"/> plays a store that stops answering.
/// </summary>
public sealed class InMemoryPluginState : IPluginStateStore
{
    /// <summary>The longest key the hub accepts.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The largest value the hub accepts, in bytes of UTF-8 (64 KiB).</summary>
    public const int MaxValueBytes = 64 * 1024;

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The values stored so far, by key (a snapshot).</summary>
    public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(_values, StringComparer.Ordinal);

    /// <summary>
    /// The largest value <see cref="SetAsync"/> accepts, in bytes of UTF-8: the hub's <see cref="MaxValueBytes"/> by
    /// default; a smaller one makes a plugin's paging show with little data; null accepts any size.
    /// </summary>
    public int? ValueLimitBytes { get; init; } = MaxValueBytes;

    /// <summary>
    /// When set, a write (<see cref="SetAsync"/> or <see cref="RemoveAsync"/>) of a key for which it returns true throws
    /// <see cref="IOException"/> and changes nothing, as a store that stops answering. Set it back to null to recover.
    /// </summary>
    public Func<string, bool>? FailWrites { get; set; }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        return ValueTask.FromResult(_values.TryGetValue(key, out string? value) ? value : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (ValueLimitBytes is { } limit && Encoding.UTF8.GetByteCount(value) is var bytes && bytes > limit)
        {
            throw new ArgumentException($"The value of '{key}' is {bytes} bytes (UTF-8); the limit is {limit} bytes. Keep large data elsewhere.", nameof(value));
        }

        CheckWrite(key);
        _values[key] = value;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
        CheckWrite(key);
        _values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    // The hub's store refuses these keys: a plugin that uses them would fail only once deployed.
    private static void CheckKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A plugin state key must be 1 to {MaxKeyLength} characters, not blank (got '{key}').", nameof(key));
        }
    }

    private void CheckWrite(string key)
    {
        if (FailWrites?.Invoke(key) == true)
        {
            throw new IOException($"The plugin state store is down (writing '{key}'), as the test asked.");
        }
    }
}
