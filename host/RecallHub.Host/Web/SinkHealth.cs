namespace RecallHub.Host.Web;

/// <summary>How far behind a sink is: events waiting, and the error that keeps the oldest from being delivered.</summary>
internal sealed record SinkHealth(string Id, long Pending, DateTimeOffset? OldestPendingAt, int Attempts, string? LastError);
