namespace RecallHub.Host.Web;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">
/// <c>healthy</c>; <c>degraded</c> when the hub works but a plugin failed; <c>unhealthy</c> when a hub check failed.
/// </param>
/// <param name="Version">The hub's version.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="UptimeSeconds">How long it has been running.</param>
/// <param name="Checks">Each hub check by name with its outcome.</param>
/// <param name="Plugins">Each plugin listed in <c>plugins.json</c>, with its state and, when failed, why.</param>
/// <param name="Sources">Each source's last pull, when the hub runs the plugins.</param>
/// <param name="Sinks">Each enabled sink's outbox backlog, when the hub has a store.</param>
internal sealed record HealthReport(
    string Status,
    string Version,
    DateTimeOffset StartedAt,
    long UptimeSeconds,
    IReadOnlyDictionary<string, string> Checks,
    IReadOnlyList<PluginHealth> Plugins,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<SinkHealth> Sinks);
