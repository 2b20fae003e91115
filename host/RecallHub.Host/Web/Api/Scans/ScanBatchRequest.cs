using System.Text.Json.Serialization;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>A batch in the body of <c>POST /api/v1/scans</c>: <c>{ "scans": [ … ] }</c>.</summary>
/// <param name="Scans">The scans, in the order they were made.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScanBatchRequest(IReadOnlyList<ScanRequest?>? Scans);
