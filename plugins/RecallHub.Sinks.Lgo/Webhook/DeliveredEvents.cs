using System.Text.Json;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>
/// The ids of the last events the webhook is done with (taken or dead-lettered), kept in the plugin's state: when
/// the hub retries a batch after a later event failed, the events before it are not sent again.
/// </summary>
internal sealed class DeliveredEvents(IPluginStateStore state)
{
    /// <summary>More than a batch (100 events) and its retries can bring back; about 34 KB of state.</summary>
    public const int Kept = 1000;

    private const string Key = "webhook:delivered";

    private readonly List<string> _ids = [];
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private bool _changed;

    /// <summary>Reads the ids.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        string? json = await state.GetAsync(Key, cancellationToken).ConfigureAwait(false);
        _ids.Clear();
        _ids.AddRange(json is null ? [] : JsonSerializer.Deserialize(json, LgoJsonContext.Default.ListString) ?? []);
        _set.Clear();
        _set.UnionWith(_ids);
    }

    /// <summary><see langword="true"/> when the event is done with.</summary>
    public bool Contains(string eventId) => _set.Contains(eventId);

    /// <summary>Records an event as done with.</summary>
    public void Add(string eventId)
    {
        if (_set.Add(eventId))
        {
            _ids.Add(eventId);
            _changed = true;
        }

        if (_ids.Count > Kept)
        {
            _set.Remove(_ids[0]);
            _ids.RemoveAt(0);
        }
    }

    /// <summary>Saves the ids if they changed.</summary>
    public async ValueTask SaveAsync(CancellationToken cancellationToken)
    {
        if (_changed)
        {
            await state.SetAsync(Key, JsonSerializer.Serialize(_ids, LgoJsonContext.Default.ListString), cancellationToken).ConfigureAwait(false);
            _changed = false;
        }
    }
}
