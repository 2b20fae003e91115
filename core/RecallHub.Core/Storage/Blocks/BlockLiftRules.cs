using System.Globalization;

namespace RecallHub.Core.Storage;

/// <summary>What every store checks before lifting a block.</summary>
internal static class BlockLiftRules
{
    /// <summary>A lift needs a named person and a reason.</summary>
    /// <exception cref="ArgumentException">One of them is blank.</exception>
    public static void Check(long blockId, BlockLift lift)
    {
        ArgumentNullException.ThrowIfNull(lift);
        if (string.IsNullOrWhiteSpace(lift.By))
        {
            throw new ArgumentException($"Block {blockId} cannot be lifted without the name of the person who decides (By is blank).", $"{nameof(lift)}.{nameof(lift.By)}");
        }

        if (string.IsNullOrWhiteSpace(lift.Reason))
        {
            throw new ArgumentException($"Block {blockId} cannot be lifted without a reason (Reason is blank): say why the pack may leave or how it was dealt with.", $"{nameof(lift)}.{nameof(lift.Reason)}");
        }
    }

    /// <summary>A lift is final.</summary>
    /// <exception cref="BlockAlreadyLiftedException">The block was lifted already; the message says by whom, when and why.</exception>
    public static void RefuseLifted(StockBlock block)
    {
        if (block.Lift is { } earlier)
        {
            throw new BlockAlreadyLiftedException(
                $"Block {block.Id} ({StoreValues.DescribePack(block.ProductKey, block.Lot, block.Serial)}, recall {block.RecallId}) was already lifted by {earlier.By} on " +
                $"{earlier.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC: « {earlier.Reason} ». A lift is final; " +
                "if the pack must be blocked again, block it for a new reason.");
        }
    }
}
