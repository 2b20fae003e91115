using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Tests.Support;

/// <summary>The plugin's key/value state in memory (the hub keeps it in its database).</summary>
internal sealed class TestPluginState : IPluginStateStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Values.TryGetValue(key, out string? value) ? value : null);

    public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        Values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
