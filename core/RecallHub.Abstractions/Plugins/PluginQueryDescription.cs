namespace RecallHub.Abstractions.Plugins;

/// <summary>A query a plugin answers (<see cref="IPluginQueries"/>).</summary>
/// <param name="Name">Its name in the URL: lower-case letters, digits and <c>-</c> (<c>recall-patients</c>).</param>
/// <param name="Description">What it answers, for people.</param>
/// <param name="Parameters">The parameters it takes.</param>
public sealed record PluginQueryDescription(string Name, string Description, IReadOnlyList<PluginQueryParameter> Parameters);
