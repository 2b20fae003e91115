using System.Collections.Concurrent;
using System.Text;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>
/// The plugin state in memory, with the hub's limits (keys 1 to 200 characters, values at most 64 KiB); the hub keeps
/// it in SQLite. Share one between two plugin instances to play a restart. <see cref="FailWrites"/> plays a store
/// that stops answering.
/// </summary>
internal sealed class InMemoryPluginState : IPluginStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>When set, a write whose key it accepts throws.</summary>
    public Func<string, bool>? FailWrites { get; set; }

    public IReadOnlyDictionary<string, string> Values => _values;

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        return ValueTask.FromResult(_values.TryGetValue(key, out var value) ? value : null);
    }

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(value);
        if (Encoding.UTF8.GetByteCount(value) > 64 * 1024)
        {
            throw new ArgumentException($"State value '{key}' is over 64 KiB.", nameof(value));
        }

        if (FailWrites?.Invoke(key) == true)
        {
            throw new IOException($"The state store is down (writing '{key}').");
        }

        _values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Check(key);
        _values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private static void Check(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            throw new ArgumentException($"Bad state key '{key}'.", nameof(key));
        }
    }
}
