using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>A plugin state store in memory.</summary>
public sealed class InMemoryStateStore : IPluginStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_values.TryGetValue(key, out string? value) ? value : null);

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        _values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
