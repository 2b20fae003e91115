using System.Text.Json;

namespace RecallHub.Host.Plugins;

/// <summary>One plugin to load, as listed in <c>plugins.json</c>.</summary>
/// <param name="Id">The plugin's id; must equal the id in its manifest.</param>
/// <param name="Folder">The folder holding the published plugin, relative to <c>plugins.json</c>'s folder or absolute.</param>
/// <param name="Enabled">Whether to load it.</param>
/// <param name="Schedule">For pull sources: a Quartz cron expression (seconds first), such as <c>0 0/30 * * * ?</c>.</param>
/// <param name="Settings">The plugin's settings object, handed to it as <c>PluginSettings</c>.</param>
/// <param name="Sha256">When set, the SHA-256 (hex) the plugin's assembly must have; the host refuses it otherwise.</param>
internal sealed record PluginEntry(string Id, string Folder, bool Enabled, string? Schedule, JsonElement Settings, string? Sha256)
{
    /// <summary>
    /// For a sink that keeps files of its own (the implant register, a file drop), the one host that delivers it
    /// (that host's <c>Hub:HostName</c>); <see langword="null"/>: whichever host holds the sink's lease.
    /// </summary>
    public string? Host { get; init; }
}
