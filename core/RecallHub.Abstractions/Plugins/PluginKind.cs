namespace RecallHub.Abstractions.Plugins;

/// <summary>Which side of the hub a plugin sits on.</summary>
public enum PluginKind
{
    /// <summary>Brings notices in (<see cref="IRecallSource"/>).</summary>
    Source = 0,

    /// <summary>Takes hub events out (<see cref="IRecallSink"/>).</summary>
    Sink = 1,
}
