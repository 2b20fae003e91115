namespace RecallHub.Host.Running;

/// <summary>What one pull of a source did.</summary>
/// <param name="SourceId">The source plugin.</param>
/// <param name="StartedAt">When the pull started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Pages">How many times the source was fetched.</param>
/// <param name="Notices">Notices received.</param>
/// <param name="Changed">Notices that made a new recall, a revision or a link.</param>
/// <param name="BlocksPlaced">Packs newly blocked.</param>
/// <param name="Checkpoint">The checkpoint stored last.</param>
/// <param name="Error">Why the pull stopped early, or <see langword="null"/> when it completed.</param>
internal sealed record SourcePullReport(
    string SourceId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Pages,
    int Notices,
    int Changed,
    int BlocksPlaced,
    string? Checkpoint,
    string? Error)
{
    public bool Succeeded => Error is null;
}
