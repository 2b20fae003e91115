namespace RecallHub.Host.Web.Api.Scans;

/// <summary>What the national verification system (through a verifier plugin) said about a scanned pack.</summary>
/// <param name="Status"><c>verified</c>, <c>alert</c>, <c>pending</c> (queued: asked again automatically) or <c>failed</c>.</param>
/// <param name="Code">The system's return code as received (<c>NMVS_NC_PCK_22</c>), when it answered.</param>
/// <param name="AlertId">The system's alert id, when the answer raised one.</param>
/// <param name="PackState">The pack's state in the system (<c>Active</c>, <c>Supplied</c>…), when it said.</param>
/// <param name="Message">What happened, in plain French.</param>
/// <param name="Action">What to do, in plain French.</param>
/// <param name="History">
/// With an alert: every scan of this box in the pharmacy, oldest first, so that a false alert (a box scanned twice, a box
/// lent to another pharmacy and returned) can be explained at the counter; <see langword="null"/> otherwise.
/// </param>
internal sealed record ScanVerification(string Status, string? Code, string? AlertId, string? PackState, string Message, string Action, IReadOnlyList<PackHistoryEntry>? History = null);
