using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api.Blocks;

/// <summary>A pack blocked because of a recall.</summary>
/// <param name="Id">The block's id (the one stock events carry).</param>
/// <param name="RecallId">The recall.</param>
/// <param name="Active">Whether it still holds.</param>
/// <param name="ProductKey">The pack's product key (the GTIN-14 for GS1 packs).</param>
/// <param name="Gtin">The GTIN-14, when known.</param>
/// <param name="Cip13">The CIP13 or ACL13 inside the GTIN, for French software that keys on it.</param>
/// <param name="Lot">The lot, when known; a block without lot holds every box of the product until checked.</param>
/// <param name="Serial">The serial number, when the block is for one box.</param>
/// <param name="Expiry">The pack's expiry, when known.</param>
/// <param name="ScanId">The scan that revealed the pack.</param>
/// <param name="Workstation">Where the pack was last scanned.</param>
/// <param name="NeedsManualCheck">Whether it holds only until someone reads the lot or serial on the box.</param>
/// <param name="Since">When it started.</param>
/// <param name="Reason">Why, in plain French.</param>
/// <param name="Lift">Who lifted it, when and why; <see langword="null"/> while it holds.</param>
internal sealed record BlockView(
    long Id,
    long RecallId,
    bool Active,
    string ProductKey,
    string? Gtin,
    string? Cip13,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    long? ScanId,
    string? Workstation,
    bool NeedsManualCheck,
    DateTimeOffset Since,
    string Reason,
    BlockLiftView? Lift)
{
    public static BlockView Of(StockBlock block) => new(
        block.Id,
        block.RecallId,
        block.IsActive,
        block.ProductKey,
        block.Gtin,
        FrenchProductCode.Cip13FromGtin(block.Gtin) ?? FrenchProductCode.Acl13FromGtin(block.Gtin),
        block.Lot,
        block.Serial,
        block.Expiry,
        block.ScanId,
        block.Workstation,
        block.NeedsManualCheck,
        block.Since,
        block.Reason,
        block.Lift is { } lift ? new BlockLiftView(lift.By, lift.Reason, lift.At) : null);
}
