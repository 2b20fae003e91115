namespace RecallHub.Host.Web.Api.Scans;

/// <summary>One earlier scan of a box, as shown beside a verification alert.</summary>
/// <param name="ScanId">The stored scan.</param>
/// <param name="Event">Why it was scanned: <c>reception</c>, <c>dispensation</c>, <c>return</c>, <c>destruction</c>, <c>implantation</c>.</param>
/// <param name="ScannedAt">When.</param>
/// <param name="Workstation">Where, when known.</param>
/// <param name="Operator">Who, when known.</param>
internal sealed record PackHistoryEntry(long ScanId, string Event, DateTimeOffset ScannedAt, string? Workstation, string? Operator);
