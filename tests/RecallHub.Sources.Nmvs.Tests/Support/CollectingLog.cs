using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sources.Nmvs.Tests.Support;

/// <summary>A plugin log that keeps what it is told.</summary>
internal sealed class CollectingLog : IPluginLog
{
    public ConcurrentQueue<(PluginLogLevel Level, string Message)> Entries { get; } = new();

    public void Write(PluginLogLevel level, string message, Exception? exception = null) => Entries.Enqueue((level, message));
}
