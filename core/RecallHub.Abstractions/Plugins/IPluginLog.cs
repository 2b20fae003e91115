namespace RecallHub.Abstractions.Plugins;

/// <summary>Where a plugin writes its log; the host routes it to its own logging with the plugin's id.</summary>
/// <remarks>Implementations are thread-safe and never throw.</remarks>
public interface IPluginLog
{
    /// <summary>Writes one message.</summary>
    /// <param name="level">How important it is.</param>
    /// <param name="message">A complete sentence; no secrets, no patient data.</param>
    /// <param name="exception">The exception behind it, if any.</param>
    void Write(PluginLogLevel level, string message, Exception? exception = null);
}
