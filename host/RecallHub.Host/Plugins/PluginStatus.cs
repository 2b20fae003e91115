using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Plugins;

/// <summary>What <c>recallhub plugins</c> and <c>/health</c> show for one listed plugin.</summary>
/// <param name="Id">The id in <c>plugins.json</c>.</param>
/// <param name="State">Loaded, disabled or failed.</param>
/// <param name="Kind">Source or sink, once the manifest was read.</param>
/// <param name="Version">The plugin's version, once the manifest was read.</param>
/// <param name="Folder">The plugin's folder, resolved.</param>
/// <param name="Reason">Why it failed, in a sentence that says what to fix.</param>
internal sealed record PluginStatus(string Id, PluginState State, PluginKind? Kind, string? Version, string Folder, string? Reason);
