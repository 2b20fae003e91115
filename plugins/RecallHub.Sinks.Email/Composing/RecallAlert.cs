using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Composing;

/// <summary>
/// One message to the pharmacy about one recall that concerns it: the packs blocked in stock, the packs already
/// dispensed (when the recall goes down to patients), and the events it reports.
/// </summary>
/// <param name="RecallId">The hub's recall id.</param>
/// <param name="Facts">What the recall is about, or <see langword="null"/> when the sink never saw the recall's own event.</param>
/// <param name="Blocked">Packs blocked in stock, with the hub's sentence for each.</param>
/// <param name="Dispensed">Packs already dispensed that the recall reaches.</param>
/// <param name="EventIds">The events this message reports, for its Message-Id and to send it once.</param>
internal sealed record RecallAlert(
    long RecallId,
    RecallFacts? Facts,
    IReadOnlyList<HubEvent> Blocked,
    IReadOnlyList<HubEvent> Dispensed,
    IReadOnlyList<string> EventIds);
