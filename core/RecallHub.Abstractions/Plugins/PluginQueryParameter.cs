namespace RecallHub.Abstractions.Plugins;

/// <summary>A parameter of a plugin query.</summary>
/// <param name="Name">Its name in the query string (<c>recall_id</c>).</param>
/// <param name="Description">What to give, for people (<c>the hub's recall id</c>).</param>
/// <param name="Required">Whether the query needs it.</param>
public sealed record PluginQueryParameter(string Name, string Description, bool Required);
