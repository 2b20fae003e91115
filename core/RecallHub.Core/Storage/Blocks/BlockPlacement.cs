namespace RecallHub.Core.Storage;

/// <summary>The result of placing one block.</summary>
/// <param name="Block">The stored block (new, or the one that already existed for this recall and pack).</param>
/// <param name="Created">Whether this call created it.</param>
public sealed record BlockPlacement(StockBlock Block, bool Created);
