using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// A plugin's key/value state in memory, with the hub's key rule (1 to 200 characters, not blank). Give the same instance to a
/// second context to play a restart: the hub keeps the state across restarts in its database.
/// </summary>
public sealed class InMemoryPluginState : IPluginStateStore
{
    /// <summary>The longest key the hub accepts.</summary>
    public const int MaxKeyLength = 200;

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The values stored so far, by key (a snapshot).</summary>
    public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(_values, StringComparer.Ordinal);

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
        _values[key] = value;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        CheckKey(key);
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
}
