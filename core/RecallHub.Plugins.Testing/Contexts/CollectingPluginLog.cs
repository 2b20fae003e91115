using System.Collections.Concurrent;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>A plugin log that keeps every line, for assertions. Safe to write from several threads.</summary>
public sealed class CollectingPluginLog : IPluginLog
{
    private readonly ConcurrentQueue<PluginLogEntry> _entries = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a log that dates its lines with <paramref name="time"/> (the system clock when null).</summary>
    /// <param name="time">The clock of the plugin's context.</param>
    public CollectingPluginLog(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Every line written so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<PluginLogEntry> Entries => [.. _entries];

    /// <summary>The messages written at <paramref name="level"/>, oldest first.</summary>
    /// <param name="level">The level to keep.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<string> At(PluginLogLevel level) => [.. _entries.Where(e => e.Level == level).Select(e => e.Message)];

    /// <inheritdoc />
    public void Write(PluginLogLevel level, string message, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _entries.Enqueue(new PluginLogEntry(level, message, exception, _time.GetUtcNow()));
    }
}
