using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.AclSante.Tests.Support;

/// <summary>Keeps what the plugin logs, for assertions.</summary>
public sealed class CollectingLog : IPluginLog
{
    private readonly ConcurrentQueue<(PluginLogLevel Level, string Message)> _entries = new();

    public IEnumerable<string> At(PluginLogLevel level) => _entries.Where(e => e.Level == level).Select(e => e.Message);

    public void Write(PluginLogLevel level, string message, Exception? exception = null) => _entries.Enqueue((level, message));
}
