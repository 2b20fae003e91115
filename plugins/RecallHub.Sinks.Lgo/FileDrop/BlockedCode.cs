namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>One pack that must not leave the pharmacy, as the file drop lists it (one row per block).</summary>
/// <param name="BlockId">The hub's id of the block; the same in the unblock event.</param>
/// <param name="Gtin">The GTIN-14, when known.</param>
/// <param name="Cip13">The CIP13 or ACL13, when known.</param>
/// <param name="Lot">The lot, when known.</param>
/// <param name="Serial">The box's serial number, when known (then only this box is blocked).</param>
/// <param name="Expiry">The pack's expiry, when known.</param>
/// <param name="RecallId">The hub's id of the recall.</param>
/// <param name="AlertNumber">The authority's alert number, when known.</param>
/// <param name="RecallTitle">The recall's title, when known.</param>
/// <param name="Since">When the block started.</param>
/// <param name="Message">What to do, in plain French.</param>
/// <param name="Workstation">Where the pack was last scanned, when known.</param>
/// <param name="EventId">The id of the <c>stock_blocked</c> event (the webhook's idempotency key).</param>
internal sealed record BlockedCode(
    long BlockId,
    string? Gtin,
    string? Cip13,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    long? RecallId,
    string? AlertNumber,
    string? RecallTitle,
    DateTimeOffset Since,
    string? Message,
    string? Workstation,
    string EventId);
