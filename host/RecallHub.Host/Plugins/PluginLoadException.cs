using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Plugins;

/// <summary>One plugin could not be loaded; the message says why and what to fix.</summary>
internal sealed class PluginLoadException(string message, PluginManifest? manifest = null) : Exception(message)
{
    /// <summary>The manifest, when it was read before the failure.</summary>
    public PluginManifest? Manifest { get; } = manifest;
}
