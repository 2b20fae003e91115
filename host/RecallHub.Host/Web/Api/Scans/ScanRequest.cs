using System.Text.Json.Serialization;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>One scan in the body of <c>POST /api/v1/scans</c>.</summary>
/// <param name="Code">What the scanner sent (GS as the character, or as <paramref name="GsSubstitute"/>).</param>
/// <param name="Event">Why the pack was scanned: <c>reception</c>, <c>dispensation</c>, <c>return</c>, <c>destruction</c>, <c>implantation</c>.</param>
/// <param name="ScannedAt">When, ISO 8601 with offset; the hub's clock when omitted.</param>
/// <param name="Workstation">The workstation that scanned it.</param>
/// <param name="Operator">The person who scanned it.</param>
/// <param name="GsSubstitute">What this scanner sends instead of GS, if anything.</param>
/// <param name="Patient">Who received the pack: only with <c>implantation</c> or <c>dispensation</c>; sealed at once.</param>
/// <param name="Prescriber">Who prescribed or implanted it: only with <c>implantation</c> or <c>dispensation</c>.</param>
/// <param name="Place">Where it was implanted or handed over: only with <c>implantation</c> or <c>dispensation</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScanRequest(
    string? Code,
    string? Event,
    string? ScannedAt = null,
    string? Workstation = null,
    string? Operator = null,
    string? GsSubstitute = null,
    PatientRequest? Patient = null,
    PrescriberRequest? Prescriber = null,
    string? Place = null);
