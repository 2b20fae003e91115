namespace RecallHub.Core.Storage;

/// <summary>A page of blocks.</summary>
/// <param name="Items">The blocks of the page.</param>
/// <param name="Total">How many blocks match the filter, all pages together.</param>
/// <param name="Paging">The page asked for.</param>
public sealed record BlockPage(IReadOnlyList<StockBlock> Items, int Total, Paging Paging);
