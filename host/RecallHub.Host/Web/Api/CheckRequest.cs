namespace RecallHub.Host.Web.Api;

/// <summary>The body of <c>POST /api/v1/check</c>.</summary>
/// <param name="Code">What the scanner sent (GS as the character, or as <paramref name="GsSubstitute"/>).</param>
/// <param name="GsSubstitute">What this scanner sends instead of GS, if anything.</param>
internal sealed record CheckRequest(string? Code, string? GsSubstitute = null);
