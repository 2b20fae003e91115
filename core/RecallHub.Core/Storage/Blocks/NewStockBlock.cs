namespace RecallHub.Core.Storage;

/// <summary>A pack to block.</summary>
/// <param name="RecallId">The recall that concerns it.</param>
/// <param name="ProductKey">The pack's product key (<see cref="ProductKeys"/>).</param>
/// <param name="Lot">The lot as read, or <see langword="null"/> when the scans did not give it (then every box of the product is blocked until checked).</param>
/// <param name="Serial">The serial number, when the pack is serialised: then exactly this box is blocked.</param>
/// <param name="Reason">Why, in plain French, for the counter.</param>
public sealed record NewStockBlock(long RecallId, string ProductKey, string? Lot, string? Serial, string Reason)
{
    /// <summary>
    /// The pharmacy the block belongs to: <c>""</c> in a single-pharmacy hub, else its FINESS number (see
    /// <see cref="PharmacyScope"/>). In a session for one pharmacy it must be <c>""</c> or that pharmacy; in a session
    /// for all pharmacies it says whose stock is blocked.
    /// </summary>
    public string Pharmacy { get; init; } = "";

    /// <summary>The GTIN-14, when the pack has one.</summary>
    public string? Gtin { get; init; }

    /// <summary>The pack's expiry, when known.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The scan that revealed the pack, when one did.</summary>
    public long? ScanId { get; init; }

    /// <summary>Where the pack was last scanned.</summary>
    public string? Workstation { get; init; }

    /// <summary>Whether the block holds only until someone reads the lot or serial on the box (the scans could not settle it).</summary>
    public bool NeedsManualCheck { get; init; }

    /// <summary>When the block starts.</summary>
    public required DateTimeOffset Since { get; init; }
}
