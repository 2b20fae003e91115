namespace RecallHub.Abstractions.Plugins;

/// <summary>A stored scan of a serialised pack, handed to an <see cref="IPackVerifier"/>.</summary>
/// <param name="ScanId">The hub's id of the stored scan: the answer's key.</param>
/// <param name="Event">Why the pack was scanned.</param>
/// <param name="Gtin">The pack's GTIN-14 (for a French medicine, <c>0</c> + the CIP13).</param>
/// <param name="Serial">The pack's serial number (GS1 AI 21).</param>
/// <param name="ScannedAt">When the pack was scanned.</param>
public sealed record PackToVerify(long ScanId, PackScanEvent Event, string Gtin, string Serial, DateTimeOffset ScannedAt)
{
    /// <summary>The batch (GS1 AI 10), when the code carried it.</summary>
    public string? Lot { get; init; }

    /// <summary>The expiry (GS1 AI 17), when the code carried it.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The workstation that scanned the pack, when known.</summary>
    public string? Workstation { get; init; }
}
