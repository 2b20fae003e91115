using RecallHub.Host.Running;

namespace RecallHub.Host.Web.Api.Sources;

/// <summary>What a pull of a source did.</summary>
internal sealed record SourcePullResponse(
    string Source,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Fetches,
    int Notices,
    int NewOrRevised,
    int PacksBlocked,
    string? Checkpoint,
    string? Error)
{
    public static SourcePullResponse From(SourcePullReport report) => new(
        report.SourceId,
        report.Succeeded ? "succeeded" : "failed",
        report.StartedAt,
        report.FinishedAt,
        report.Pages,
        report.Notices,
        report.Changed,
        report.BlocksPlaced,
        report.Checkpoint,
        report.Error);
}
