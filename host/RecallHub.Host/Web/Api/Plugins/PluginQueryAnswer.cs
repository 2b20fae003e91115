namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>The JSON answer of <c>GET /api/v1/plugins/{id}/queries/{name}</c>: a table.</summary>
/// <param name="Plugin">The plugin's id.</param>
/// <param name="Query">The query's name.</param>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows, one value per column (<see langword="null"/> for none).</param>
internal sealed record PluginQueryAnswer(string Plugin, string Query, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
