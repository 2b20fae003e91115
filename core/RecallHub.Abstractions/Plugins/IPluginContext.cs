namespace RecallHub.Abstractions.Plugins;

/// <summary>What the host gives every plugin: its settings, a log, the clock, HTTP, and a small state store.</summary>
/// <remarks>
/// Plugins reach the hub only through their context. They must take the time from <see cref="Time"/> (never the wall
/// clock directly) so that schedules, expiries and tests agree.
/// </remarks>
public interface IPluginContext
{
    /// <summary>The plugin's id, as in its manifest and in <c>plugins.json</c>.</summary>
    string PluginId { get; }

    /// <summary>The plugin's settings from <c>plugins.json</c>.</summary>
    PluginSettings Settings { get; }

    /// <summary>Where to log.</summary>
    IPluginLog Log { get; }

    /// <summary>The hub's clock.</summary>
    TimeProvider Time { get; }

    /// <summary>The plugin's durable key/value state.</summary>
    IPluginStateStore State { get; }

    /// <summary>
    /// An <see cref="HttpClient"/> set up by the host (User-Agent naming RecallHub and the plugin, timeouts, proxy).
    /// Clients share connection pools; create one per operation or keep one, but do not dispose the pool's handler.
    /// </summary>
    HttpClient CreateHttpClient();
}
