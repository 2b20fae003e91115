using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;

namespace RecallHub.Host.Plugins;

/// <summary>
/// The sinks of <c>plugins.json</c>, read from their manifests without loading any assembly: what a command that
/// writes (<c>ingest</c>, <c>import-scans</c>) needs so that the events it causes wait in each sink's outbox for the
/// running hub.
/// </summary>
internal static class ConfiguredSinks
{
    /// <summary>The enabled sinks of <paramref name="file"/>.</summary>
    /// <param name="file">The plugins file.</param>
    /// <param name="warnings">Enabled plugins whose manifest could not be read: if they are sinks, they miss these events.</param>
    public static HubSinks Read(PluginsFile file, out IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sinks = new List<string>();
        var problems = new List<string>();
        foreach (var entry in file.Plugins.Where(p => p.Enabled))
        {
            string manifestPath = Path.Combine(file.BaseDirectory, entry.Folder, PluginManifest.FileName);
            try
            {
                if (PluginManifest.Read(File.ReadAllText(manifestPath), manifestPath).Kind == PluginKind.Sink)
                {
                    sinks.Add(entry.Id);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PluginConfigurationException)
            {
                problems.Add($"plugin '{entry.Id}': cannot read {manifestPath} ({e.Message}); if it is a sink, it will not receive the events of this run.");
            }
        }

        warnings = problems;
        return new HubSinks(sinks);
    }
}
