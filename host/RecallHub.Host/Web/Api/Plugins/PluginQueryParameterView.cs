namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>A parameter of a plugin query.</summary>
/// <param name="Name">Its name in the query string.</param>
/// <param name="Description">What to give.</param>
/// <param name="Required">Whether the query needs it.</param>
internal sealed record PluginQueryParameterView(string Name, string Description, bool Required);
