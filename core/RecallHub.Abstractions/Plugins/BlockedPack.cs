namespace RecallHub.Abstractions.Plugins;

/// <summary>The pack a stock event is about, as the pharmacy software needs it to block or release it.</summary>
/// <param name="BlockId">The hub's id of the block, stable across block and unblock events.</param>
/// <param name="Gtin">The GTIN-14, when the pack has one.</param>
/// <param name="Cip13">The CIP13 or ACL13 inside the GTIN, for French software that keys on it.</param>
/// <param name="Lot">The lot, when known.</param>
/// <param name="Serial">The serial number, when known (then exactly this box is concerned).</param>
/// <param name="Expiry">The pack's expiry, when known.</param>
/// <param name="Since">When the block started.</param>
/// <param name="Workstation">Where the pack was last scanned, when known.</param>
public sealed record BlockedPack(
    long BlockId,
    string? Gtin,
    string? Cip13,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    DateTimeOffset Since,
    string? Workstation);
