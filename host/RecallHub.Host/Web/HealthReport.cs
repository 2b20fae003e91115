namespace RecallHub.Host.Web;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status"><c>healthy</c> when every check passes, else <c>unhealthy</c>.</param>
/// <param name="Version">The hub's version.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="UptimeSeconds">How long it has been running.</param>
/// <param name="Checks">Each check by name with its outcome.</param>
internal sealed record HealthReport(string Status, string Version, DateTimeOffset StartedAt, long UptimeSeconds, IReadOnlyDictionary<string, string> Checks);
