using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Blocking;

/// <summary>A stored block as the pharmacy software sees it in a stock event.</summary>
public static class BlockedPackView
{
    /// <summary>The pack of <paramref name="block"/>, with the CIP13 or ACL13 French software keys on.</summary>
    /// <param name="block">The block.</param>
    public static BlockedPack Of(StockBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        string? french = FrenchProductCode.Cip13FromGtin(block.Gtin) ?? FrenchProductCode.Acl13FromGtin(block.Gtin);
        return new BlockedPack(block.Id, block.Gtin, french, block.Lot, block.Serial, block.Expiry, block.Since, block.Workstation);
    }
}
