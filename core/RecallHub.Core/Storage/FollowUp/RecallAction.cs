namespace RecallHub.Core.Storage;

/// <summary>Something done about a recall.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Action">What, in a few words (<c>returned to the wholesaler</c>, <c>patients contacted</c>).</param>
/// <param name="Quantity">How many packs, when it counts.</param>
/// <param name="By">Who (a named person).</param>
/// <param name="At">When.</param>
/// <param name="Note">Anything else worth keeping.</param>
public sealed record RecallAction(long RecallId, string Action, int? Quantity, string By, DateTimeOffset At, string? Note = null);
