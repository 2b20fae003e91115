namespace RecallHub.Host.Web;

/// <summary>A source's last pull since the hub started.</summary>
internal sealed record SourceHealth(string Id, DateTimeOffset LastPullAt, string Status, int Notices, string? Error);
