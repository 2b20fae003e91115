using System.Text.Json.Serialization;

namespace RecallHub.Host.Web.Api.Blocks;

/// <summary>The body of <c>POST /api/v1/blocks/{id}/lift</c>.</summary>
/// <param name="By">Who decides: a named person, not a workstation or a role.</param>
/// <param name="Reason">Why the pack may leave or how it was dealt with.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record LiftRequest(string? By, string? Reason);
