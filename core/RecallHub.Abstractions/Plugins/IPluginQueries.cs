namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// Optional: a source or sink plugin that answers questions about what it keeps (an implant register: which patients
/// received a recalled lot). The host serves them at <c>GET /api/v1/plugins/{id}/queries/{name}</c> as JSON or CSV.
/// </summary>
/// <remarks>
/// <para>Implement it on the same class as <see cref="IRecallSource"/> or <see cref="IRecallSink"/>; the host asks only
/// a plugin that started. <see cref="QueryAsync"/> may run at the same time as a delivery, a fetch or another query:
/// it must be thread-safe, and it must not change what the plugin delivers.</para>
/// <para>The host has already authenticated the caller (the API scope <c>patients</c>) and checked that
/// <c>name</c> is one of <see cref="Queries"/>; the plugin checks the parameters and throws
/// <see cref="PluginQueryException"/> with a message for the caller when they are wrong. A query that reveals
/// personal data must record who asked (<c>requestedBy</c>) before it answers.</para>
/// </remarks>
public interface IPluginQueries
{
    /// <summary>The queries this plugin answers; the same list for the plugin's whole life.</summary>
    IReadOnlyList<PluginQueryDescription> Queries { get; }

    /// <summary>Answers one query.</summary>
    /// <param name="name">One of <see cref="Queries"/>.</param>
    /// <param name="parameters">The parameters as given (query string), by name.</param>
    /// <param name="requestedBy">Who asks: the name of the caller's API key, for the plugin's audit.</param>
    /// <param name="cancellationToken">The caller went away, or the host is stopping.</param>
    /// <returns>A table: columns and rows of text.</returns>
    /// <exception cref="PluginQueryException">A parameter is missing or wrong (answered <c>400</c> with the message).</exception>
    ValueTask<PluginQueryResult> QueryAsync(string name, IReadOnlyDictionary<string, string> parameters, string requestedBy, CancellationToken cancellationToken);
}
