using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Events;

/// <summary>Writes hub events into every sink's outbox, inside the caller's transaction: the event exists if and only if the change it reports does.</summary>
/// <param name="sinks">The sinks to write for.</param>
/// <param name="time">The hub's clock, for event ids and times.</param>
public sealed class HubEventOutbox(HubSinks sinks, TimeProvider time)
{
    /// <summary>The sinks events are written for.</summary>
    public HubSinks Sinks => sinks;

    /// <summary>Creates an event with a fresh id, occurring now.</summary>
    /// <param name="type">What happened.</param>
    public HubEvent Create(HubEventType type)
    {
        var now = time.GetUtcNow();
        // Version 7: ids sort by creation time, which helps anyone reading a sink's log.
        return new HubEvent { Id = Guid.CreateVersion7(now).ToString("N"), Type = type, OccurredAt = now };
    }

    /// <summary>Adds the event at the end of every sink's queue.</summary>
    /// <param name="session">The session whose transaction the write joins.</param>
    /// <param name="hubEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task EnqueueAsync(IStoreSession session, HubEvent hubEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(hubEvent);
        if (sinks.Ids.Count == 0)
        {
            return;
        }

        if (hubEvent.Pharmacy is null && session.Scope.Finess is { } finess)
        {
            hubEvent = hubEvent with { Pharmacy = finess };
        }

        string payload = HubEventJson.Serialize(hubEvent);
        string type = HubEventJson.TypeName(hubEvent.Type);
        foreach (string sinkId in sinks.Ids)
        {
            await session.Outbox.EnqueueAsync(sinkId, type, payload, cancellationToken).ConfigureAwait(false);
        }
    }
}
