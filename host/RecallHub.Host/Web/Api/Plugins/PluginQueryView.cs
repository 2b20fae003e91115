namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>One query a plugin answers.</summary>
/// <param name="Name">Its name in the URL.</param>
/// <param name="Description">What it answers.</param>
/// <param name="Parameters">Its parameters.</param>
internal sealed record PluginQueryView(string Name, string Description, IReadOnlyList<PluginQueryParameterView> Parameters);
