namespace RecallHub.Abstractions.Plugins;

/// <summary>A query's answer: a table of text, which the host writes as JSON or CSV.</summary>
/// <param name="Columns">The column names (snake_case).</param>
/// <param name="Rows">The rows; each has one value per column, <see langword="null"/> for none.</param>
public sealed record PluginQueryResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
