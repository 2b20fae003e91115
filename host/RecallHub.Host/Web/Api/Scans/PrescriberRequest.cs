using System.Text.Json.Serialization;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>Who prescribed or implanted the device: a name, an RPPS number, or both.</summary>
/// <param name="Name">The practitioner's name.</param>
/// <param name="Rpps">The practitioner's RPPS number (11 digits).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PrescriberRequest(string? Name = null, string? Rpps = null);
