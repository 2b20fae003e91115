using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Nmvs.Tests.Support;

/// <summary>A plugin state store in memory, with the host's limits (keys 1–200 characters, values up to 64 KiB).</summary>
internal sealed class InMemoryStateStore : IPluginStateStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Values.TryGetValue(key, out var value) ? value : null);

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        if (key.Length is 0 or > 200 || value.Length > 64 * 1024)
        {
            throw new ArgumentException($"Key '{key}' or its value ({value.Length} characters) is over the store's limits.", nameof(key));
        }

        Values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
