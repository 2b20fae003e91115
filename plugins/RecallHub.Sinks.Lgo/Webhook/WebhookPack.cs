namespace RecallHub.Sinks.Lgo.Webhook;

/// <summary>The pack a webhook stock event is about.</summary>
/// <param name="BlockId">The hub's id of the block, the same in the block and the unblock events.</param>
/// <param name="Gtin">The GTIN-14, when known.</param>
/// <param name="Cip13">The CIP13 or ACL13, when known.</param>
/// <param name="Lot">The lot, when known.</param>
/// <param name="Serial">The serial number, when known (then only this box is concerned).</param>
/// <param name="Expiry">The expiry, when known.</param>
/// <param name="Since">When the block started.</param>
/// <param name="Workstation">Where the pack was last scanned, when known.</param>
internal sealed record WebhookPack(long BlockId, string? Gtin, string? Cip13, string? Lot, string? Serial, DateOnly? Expiry, DateTimeOffset Since, string? Workstation);
