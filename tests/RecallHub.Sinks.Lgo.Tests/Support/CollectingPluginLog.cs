using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Tests.Support;

/// <summary>Keeps what the plugin logged.</summary>
internal sealed class CollectingPluginLog : IPluginLog
{
    private readonly ConcurrentQueue<(PluginLogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(PluginLogLevel Level, string Message)> Entries => [.. _entries];

    public IEnumerable<string> At(PluginLogLevel level) => Entries.Where(e => e.Level == level).Select(e => e.Message);

    public void Write(PluginLogLevel level, string message, Exception? exception = null) => _entries.Enqueue((level, message));
}
