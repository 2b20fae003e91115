namespace RecallHub.Core.Storage;

/// <summary>A stored block.</summary>
/// <param name="Id">The block's id.</param>
/// <param name="RecallId">The recall that concerns the pack.</param>
/// <param name="ProductKey">The pack's product key.</param>
/// <param name="Gtin">The GTIN-14, when known.</param>
/// <param name="Lot">The lot as first read, when known.</param>
/// <param name="Serial">The serial number, when the block is for one box.</param>
/// <param name="Expiry">The pack's expiry, when known.</param>
/// <param name="ScanId">The scan that revealed the pack, when one did.</param>
/// <param name="Workstation">Where the pack was last scanned.</param>
/// <param name="NeedsManualCheck">Whether the block holds only until someone reads the lot or serial on the box.</param>
/// <param name="Since">When the block started.</param>
/// <param name="Reason">Why, in plain French.</param>
/// <param name="Lift">Who lifted it, when and why; <see langword="null"/> while it holds.</param>
public sealed record StockBlock(
    long Id,
    long RecallId,
    string ProductKey,
    string? Gtin,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    long? ScanId,
    string? Workstation,
    bool NeedsManualCheck,
    DateTimeOffset Since,
    string Reason,
    BlockLift? Lift)
{
    /// <summary>
    /// The pharmacy the block belongs to: <c>""</c> in a single-pharmacy hub, else its FINESS number (see
    /// <see cref="PharmacyScope"/>).
    /// </summary>
    public string Pharmacy { get; init; } = "";

    /// <summary>Whether the block still holds.</summary>
    public bool IsActive => Lift is null;
}
