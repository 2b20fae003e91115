namespace RecallHub.Abstractions.Plugins;

/// <summary>How important a plugin's log message is.</summary>
public enum PluginLogLevel
{
    /// <summary>Detail for whoever debugs the plugin.</summary>
    Debug = 0,

    /// <summary>Normal progress worth keeping (notices fetched, events delivered).</summary>
    Information = 1,

    /// <summary>Something went wrong but the plugin goes on (a retry, a skipped item).</summary>
    Warning = 2,

    /// <summary>The operation failed.</summary>
    Error = 3,
}
