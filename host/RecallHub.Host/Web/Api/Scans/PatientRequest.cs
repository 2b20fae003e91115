using System.Text.Json.Serialization;

namespace RecallHub.Host.Web.Api.Scans;

/// <summary>The patient of an implantation or dispensation scan; sealed by the host as soon as it is read.</summary>
/// <param name="Ins">The INS (NIR form): 13 characters and a 2-digit key, spaces allowed.</param>
/// <param name="FamilyName">The birth family name.</param>
/// <param name="GivenNames">The given names.</param>
/// <param name="BirthDate">The date of birth, <c>YYYY-MM-DD</c>.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PatientRequest(string? Ins, string? FamilyName = null, string? GivenNames = null, string? BirthDate = null);
