using RecallHub.Abstractions.Plugins;

namespace RecallHub.Host.Running;

/// <summary>
/// The plugins the hub started, with the context each was given: what the schedule pulls from and what the outbox
/// delivers to. A plugin that failed to start is not here.
/// </summary>
internal sealed class RunningPlugins
{
    private readonly Dictionary<string, (IRecallSource Source, IPluginContext Context)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IRecallSink Sink, IPluginContext Context)> _sinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPluginQueries> _queries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    // Read on every counter check, changed only when a source starts: a snapshot swapped whole, read without a lock.
    private volatile (string Id, IPackVerifier Verifier)[] _verifiers = [];

    public IReadOnlyList<string> SourceIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _sources.Keys];
            }
        }
    }

    public IReadOnlyList<string> SinkIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _sinks.Keys];
            }
        }
    }

    /// <summary>The running sources that also verify scanned packs (<see cref="IPackVerifier"/>, contract 1.1).</summary>
    public IReadOnlyList<(string Id, IPackVerifier Verifier)> Verifiers => _verifiers;

    public void AddSource(IRecallSource source, IPluginContext context)
    {
        lock (_lock)
        {
            _sources[context.PluginId] = (source, context);
            _verifiers = [.. _sources.Where(s => s.Value.Source is IPackVerifier).Select(s => (s.Key, (IPackVerifier)s.Value.Source))];
            AddQueries(source, context);
        }
    }

    public void AddSink(IRecallSink sink, IPluginContext context)
    {
        lock (_lock)
        {
            _sinks[context.PluginId] = (sink, context);
            AddQueries(sink, context);
        }
    }

    public IRecallSource? FindSource(string id)
    {
        lock (_lock)
        {
            return _sources.TryGetValue(id, out var found) ? found.Source : null;
        }
    }

    /// <summary>The running plugins that answer queries (<see cref="IPluginQueries"/>).</summary>
    public IReadOnlyList<string> QueryPluginIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _queries.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    public IPluginQueries? FindQueries(string id)
    {
        lock (_lock)
        {
            return _queries.TryGetValue(id, out var found) ? found : null;
        }
    }

    public IRecallSink? FindSink(string id)
    {
        lock (_lock)
        {
            return _sinks.TryGetValue(id, out var found) ? found.Sink : null;
        }
    }

    // Under the lock of the caller.
    private void AddQueries(object plugin, IPluginContext context)
    {
        if (plugin is IPluginQueries queries)
        {
            _queries[context.PluginId] = queries;
        }
    }
}
