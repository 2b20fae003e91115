namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>The answer of <c>GET /api/v1/plugins/{id}/queries</c>.</summary>
/// <param name="Plugin">The plugin's id.</param>
/// <param name="Queries">What it answers.</param>
internal sealed record PluginQueryListView(string Plugin, IReadOnlyList<PluginQueryView> Queries);
