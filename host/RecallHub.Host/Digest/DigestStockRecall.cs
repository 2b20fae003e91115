using RecallHub.Core.Storage;

namespace RecallHub.Host.Digest;

/// <summary>A recall that blocks packs of the pharmacy's stock today.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Title">Its title.</param>
/// <param name="AlertNumber">The authority's alert number, if any.</param>
/// <param name="Actions">What to do, as the sources say it (deadlines included when they give one).</param>
/// <param name="Blocks">The packs blocked now, oldest first.</param>
/// <param name="NewBlocks">How many of them were blocked during the digest's period.</param>
internal sealed record DigestStockRecall(long RecallId, string Title, string? AlertNumber, IReadOnlyList<string> Actions, IReadOnlyList<StockBlock> Blocks, int NewBlocks);
