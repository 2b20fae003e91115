using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>One line a plugin wrote to its log.</summary>
/// <param name="Level">How serious it is.</param>
/// <param name="Message">What the plugin said.</param>
/// <param name="Exception">The exception it gave, if any.</param>
/// <param name="At">When, on the context's clock.</param>
public sealed record PluginLogEntry(PluginLogLevel Level, string Message, Exception? Exception, DateTimeOffset At)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level}: {Message}";
}
