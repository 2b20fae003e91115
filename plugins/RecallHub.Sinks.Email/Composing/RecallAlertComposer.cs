using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Composing;

/// <summary>
/// Turns a batch of hub events into the messages a pharmacist needs at once: one per recall that blocked stock or
/// reached dispensed packs. A recall that concerns nothing here waits for the daily digest; an unblock is the
/// pharmacy's own decision and needs no mail.
/// </summary>
internal static class RecallAlertComposer
{
    public static IReadOnlyList<RecallAlert> Compose(IReadOnlyList<HubEvent> events, Func<long, RecallFacts?> facts)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(facts);
        return [.. events
            .Where(e => e.RecallId is not null && e.Type is HubEventType.StockBlocked or HubEventType.DispensedPackConcerned)
            .GroupBy(e => e.RecallId!.Value)
            .Select(g => new RecallAlert(
                g.Key,
                facts(g.Key),
                [.. g.Where(e => e.Type == HubEventType.StockBlocked)],
                [.. g.Where(e => e.Type == HubEventType.DispensedPackConcerned)],
                [.. g.Select(e => e.Id)]))];
    }
}
