using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Plugins;

/// <summary>Routes a plugin's log to the host's logging, under category <c>RecallHub.Plugins.{id}</c>.</summary>
internal sealed class PluginLog(ILoggerFactory loggers, string pluginId) : IPluginLog
{
    private readonly ILogger _logger = loggers.CreateLogger("RecallHub.Plugins." + pluginId);

    public void Write(PluginLogLevel level, string message, Exception? exception = null)
    {
        var mapped = level switch
        {
            PluginLogLevel.Debug => LogLevel.Debug,
            PluginLogLevel.Information => LogLevel.Information,
            PluginLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Error,
        };

        // A plugin's message is data, not a template: braces in it must not be read as placeholders.
        try
        {
#pragma warning disable CA1848, CA2254 // The message is the plugin's text, logged as is.
            _logger.Log(mapped, exception, "{PluginMessage}", message);
#pragma warning restore CA1848, CA2254
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract says logging never throws into the plugin.
        }
    }
}
