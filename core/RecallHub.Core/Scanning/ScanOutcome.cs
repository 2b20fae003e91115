using RecallHub.Core.Checking;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>What became of one scan.</summary>
/// <param name="Index">Its place in the batch, from 0.</param>
/// <param name="ScanId">The stored scan's id, or <see langword="null"/> when it was refused.</param>
/// <param name="Check">
/// The verdict for the pack, whenever the code names a product — even for a refused scan, so that a damaged code of a
/// recalled pack is still stopped.
/// </param>
/// <param name="Problems">Why the scan was refused, or what was odd about it; empty for a clean scan.</param>
/// <param name="BlocksPlaced">The blocks this scan placed.</param>
public sealed record ScanOutcome(int Index, long? ScanId, PackCheckResult? Check, IReadOnlyList<ScanProblem> Problems, IReadOnlyList<StockBlock> BlocksPlaced);
