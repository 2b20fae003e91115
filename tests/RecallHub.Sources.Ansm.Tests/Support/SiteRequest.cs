namespace RecallHub.Sources.Ansm.Tests.Support;

/// <summary>One request the stand-in site received.</summary>
/// <param name="PathAndQuery">What was asked.</param>
/// <param name="At">When, on the plugin's fake clock.</param>
/// <param name="IfNoneMatch">The conditional request's ETag, if any.</param>
/// <param name="UserAgent">The User-Agent sent.</param>
internal sealed record SiteRequest(string PathAndQuery, DateTimeOffset At, string? IfNoneMatch, string UserAgent);
