using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Sources.Nmvs.Queue;

/// <summary>A scanned pack waiting for the national system's answer.</summary>
/// <param name="ScanId">The hub's scan id, the answer's key.</param>
/// <param name="Operation">What to ask.</param>
/// <param name="Gtin">The product code (GTIN-14).</param>
/// <param name="Serial">The serial number.</param>
/// <param name="Lot">The batch, when the code carried it.</param>
/// <param name="Expiry">The expiry, when the code carried it.</param>
/// <param name="ScannedAt">When the pack was scanned.</param>
internal sealed record QueuedPack(long ScanId, QueuedOperation Operation, string Gtin, string Serial, string? Lot, DateOnly? Expiry, DateTimeOffset ScannedAt)
{
    /// <summary>The pack as the national system identifies it.</summary>
    public NmvsPack ToPack() => new(Gtin, Lot ?? "", Expiry, Serial);
}
