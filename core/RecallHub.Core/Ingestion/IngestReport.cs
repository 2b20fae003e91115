namespace RecallHub.Core.Ingestion;

/// <summary>What ingesting a batch of notices did.</summary>
/// <param name="Notices">One entry per notice, in the order given.</param>
public sealed record IngestReport(IReadOnlyList<NoticeIngestion> Notices)
{
    /// <summary>How many packs in stock were newly blocked.</summary>
    public int BlocksPlaced => Notices.Sum(n => n.BlocksPlaced);

    /// <summary>How many dispensed packs were newly reported.</summary>
    public int DispensedPacks => Notices.Sum(n => n.DispensedPacks);
}
