using McMaster.NETCore.Plugins;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Plugins;

/// <summary>A plugin loaded into its own load context, with the instance the host drives.</summary>
internal sealed class LoadedPlugin(PluginEntry entry, PluginManifest manifest, PluginLoader loader, object instance) : IDisposable
{
    public PluginEntry Entry { get; } = entry;

    public PluginManifest Manifest { get; } = manifest;

    /// <summary>An <see cref="IRecallSource"/> or an <see cref="IRecallSink"/>.</summary>
    public object Instance { get; } = instance;

    public void Dispose() => loader.Dispose();
}
