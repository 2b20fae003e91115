namespace RecallHub.Core.Storage;

/// <summary>
/// Stock blocks: a pack (or every box of a lot) that must not leave the pharmacy because of a recall, until a named
/// person lifts the block with a reason.
/// </summary>
/// <remarks>
/// A block is identified by its recall and its pack: the product key, the lot (compared case- and
/// white-space-insensitively) and the serial. Blocking the same pack for the same recall again returns the existing
/// block, lifted or not: a block lifted by a person is not put back by the next scan of the same pack.
/// </remarks>
public interface IBlockStore
{
    /// <summary>Creates the blocks that do not exist yet.</summary>
    /// <param name="blocks">The packs to block.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// One result per item of <paramref name="blocks"/>, in the same order: the stored block and whether this call
    /// created it.
    /// </returns>
    Task<IReadOnlyList<BlockPlacement>> PlaceAsync(IReadOnlyList<NewStockBlock> blocks, CancellationToken cancellationToken = default);

    /// <summary>A block, or <see langword="null"/> when there is none with this id.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<StockBlock?> GetAsync(long blockId, CancellationToken cancellationToken = default);

    /// <summary>Blocks matching <paramref name="filter"/>, newest first.</summary>
    /// <param name="filter">Which blocks.</param>
    /// <param name="paging">Which page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<BlockPage> ListAsync(BlockFilter filter, Paging paging, CancellationToken cancellationToken = default);

    /// <summary>Every lifted block of the active recalls: what the counter's check must let through.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<StockBlock>> ListLiftedOfActiveRecallsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lifts a block: a named person decided, for a reason, that the pack may leave or is dealt with.</summary>
    /// <param name="blockId">The block's id.</param>
    /// <param name="lift">Who, when and why.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The lifted block.</returns>
    /// <exception cref="BlockNotFoundException">There is no block with this id.</exception>
    /// <exception cref="BlockAlreadyLiftedException">The block was already lifted (by whom and when is in the message).</exception>
    Task<StockBlock> LiftAsync(long blockId, BlockLift lift, CancellationToken cancellationToken = default);
}
