namespace RecallHub.Core.Events;

/// <summary>
/// The sinks every hub event is written for: the enabled sink plugins of <c>plugins.json</c>, whether or not they
/// loaded — a sink that failed to load gets its events once it is fixed, none is lost.
/// </summary>
public sealed class HubSinks
{
    /// <summary>No sink: events are not kept (a hub with no sink configured).</summary>
    public static HubSinks None { get; } = new([]);

    /// <summary>Creates the list.</summary>
    /// <param name="sinkIds">The sink plugins' ids; repeats are ignored.</param>
    public HubSinks(IEnumerable<string> sinkIds)
    {
        ArgumentNullException.ThrowIfNull(sinkIds);
        Ids = [.. sinkIds.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The sink plugins' ids.</summary>
    public IReadOnlyList<string> Ids { get; }
}
