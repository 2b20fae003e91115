namespace RecallHub.Core.Scanning;

/// <summary>What became of a batch of scans, once committed.</summary>
/// <param name="Items">One outcome per scan, in the order given.</param>
public sealed record ScanBatchResult(IReadOnlyList<ScanOutcome> Items)
{
    /// <summary>How many scans were stored.</summary>
    public int Stored => Items.Count(i => i.ScanId is not null);

    /// <summary>How many scans were refused.</summary>
    public int Refused => Items.Count(i => i.ScanId is null);

    /// <summary>How many packs were newly blocked.</summary>
    public int BlocksPlaced => Items.Sum(i => i.BlocksPlaced.Count);
}
