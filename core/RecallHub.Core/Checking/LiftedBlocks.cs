using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Checking;

/// <summary>
/// The blocks a named person lifted, while their recall is still active: the counter lets exactly those packs through.
/// </summary>
/// <remarks>
/// A lift covers the pack it was decided for, not its neighbours: a lift of box n° S covers that box only; a lift of
/// lot L (packs scanned without a serial) covers boxes of lot L scanned without a serial — a serialised box of the same
/// lot was not in the decision and stays blocked.
/// </remarks>
public sealed class LiftedBlocks
{
    private readonly Dictionary<(string Pharmacy, long RecallId, string ProductKey, string? Lot, string? Serial), StockBlock> _lifted;

    /// <summary>No lifted block.</summary>
    public static LiftedBlocks None { get; } = new([]);

    /// <summary>Indexes the lifted blocks.</summary>
    /// <param name="lifted">Lifted blocks of active recalls; blocks that still hold are ignored.</param>
    public LiftedBlocks(IEnumerable<StockBlock> lifted)
    {
        ArgumentNullException.ThrowIfNull(lifted);
        _lifted = [];
        foreach (var block in lifted.Where(b => !b.IsActive))
        {
            _lifted[Key(block.Pharmacy, block.RecallId, block.ProductKey, block.Lot, block.Serial)] = block;
        }
    }

    /// <summary>How many lifted blocks there are.</summary>
    public int Count => _lifted.Count;

    /// <summary>The lifted block of <paramref name="recallId"/> that covers <paramref name="pack"/>, or <see langword="null"/>.</summary>
    /// <param name="recallId">The recall.</param>
    /// <param name="pack">The pack at the counter.</param>
    public StockBlock? Find(long recallId, in PackIdentity pack) =>
        Find("", recallId, pack);

    /// <summary>The lifted block of <paramref name="pharmacy"/> for this recall and this pack, if any.</summary>
    /// <param name="pharmacy">The pharmacy key (<c>""</c> in a single-pharmacy hub, else its FINESS number).</param>
    /// <param name="recallId">The recall.</param>
    /// <param name="pack">The scanned pack.</param>
    public StockBlock? Find(string pharmacy, long recallId, in PackIdentity pack) =>
        _lifted.Count > 0 && _lifted.TryGetValue(Key(pharmacy, recallId, pack.ProductKey, pack.Lot, pack.Serial), out var block) ? block : null;

    private static (string, long, string, string?, string?) Key(string pharmacy, long recallId, string productKey, string? lot, string? serial) =>
        string.IsNullOrWhiteSpace(serial)
            ? (pharmacy, recallId, productKey, string.IsNullOrWhiteSpace(lot) ? null : ProductKeys.Lot(lot), null)
            : (pharmacy, recallId, productKey, null, serial);
}
