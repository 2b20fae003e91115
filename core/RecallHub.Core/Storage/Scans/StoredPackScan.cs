namespace RecallHub.Core.Storage;

/// <summary>A scan as stored.</summary>
/// <param name="Id">The scan's id, increasing in the order scans were stored.</param>
/// <param name="Scan">The scan.</param>
public sealed record StoredPackScan(long Id, PackScan Scan);
