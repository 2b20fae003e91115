namespace RecallHub.Host.Web.Api.Scans;

/// <summary>The answer of <c>POST /api/v1/scans</c>, sent once the batch is committed.</summary>
/// <param name="Stored">How many scans were stored.</param>
/// <param name="Refused">How many were refused (each says why).</param>
/// <param name="BlocksPlaced">How many packs were newly blocked.</param>
/// <param name="Results">One result per scan, in the order given.</param>
internal sealed record ScanBatchResponse(int Stored, int Refused, int BlocksPlaced, IReadOnlyList<ScanResult> Results);
