namespace RecallHub.Host.Plugins;

/// <summary>Where a listed plugin stands.</summary>
internal enum PluginState
{
    /// <summary>Loaded and created; ready to start.</summary>
    Loaded,

    /// <summary>Listed with <c>"enabled": false</c>.</summary>
    Disabled,

    /// <summary>Could not be loaded, configured or run; <see cref="PluginStatus.Reason"/> says why.</summary>
    Failed,
}
