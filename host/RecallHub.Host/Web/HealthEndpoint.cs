using System.Reflection;
using RecallHub.Core.Storage;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;

namespace RecallHub.Host.Web;

/// <summary><c>GET /health</c>: is the hub up, which plugins failed and why, how far behind each sink is.</summary>
internal static class HealthEndpoint
{
    /// <summary>The hub's version, as it reports it and its plugins' HTTP clients announce it.</summary>
    public static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (TimeProvider clock, HubStartTime started, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            var catalog = services.GetService<PluginCatalog>();
            var checks = new Dictionary<string, string>
            {
                ["identifiers"] = IdentifierSelfCheck() ? "ok" : "failed",
            };
            var plugins = catalog?.Statuses
                .Select(s => new PluginHealth(s.Id, s.State.ToString().ToLowerInvariant(), s.Reason))
                .ToList() ?? [];
            var sources = services.GetService<SourcePull>()?.LastPulls.Values
                .OrderBy(p => p.SourceId, StringComparer.Ordinal)
                .Select(p => new SourceHealth(p.SourceId, p.StartedAt, p.Succeeded ? "succeeded" : "failed", p.Notices, p.Error))
                .ToList() ?? [];
            var sinks = new List<SinkHealth>();
            if (services.GetService<IRecallHubStore>() is { } store)
            {
                checks["store"] = await ReadBacklogsAsync(store, catalog, sinks, cancellationToken).ConfigureAwait(false) ? "ok" : "failed";
            }

            // A failed plugin leaves the hub working (the others go on): degraded, still 200 for load balancers.
            string status = checks.Values.Any(v => v != "ok") ? "unhealthy"
                : plugins.Any(p => p.State == "failed") ? "degraded"
                : "healthy";
            var report = new HealthReport(status, Version, started.Value, (long)(now - started.Value).TotalSeconds, checks, plugins, sources, sinks);
            return Results.Json(report, HubJsonContext.Default.HealthReport, statusCode: status == "unhealthy" ? 503 : 200);
        });
        return endpoints;
    }

    private static async Task<bool> ReadBacklogsAsync(IRecallHubStore store, PluginCatalog? catalog, List<SinkHealth> sinks, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            foreach (string sinkId in catalog?.Sinks.Ids ?? [])
            {
                var backlog = await session.Outbox.GetBacklogAsync(sinkId, cancellationToken).ConfigureAwait(false);
                sinks.Add(new SinkHealth(sinkId, backlog.Pending, backlog.OldestPendingAt, backlog.HeadAttempts, backlog.HeadLastError));
            }

            return true;
        }
        catch (StoreException)
        {
            return false;
        }
    }

    // The identifier tables load lazily: reading a known pack proves they loaded and agree.
    private static bool IdentifierSelfCheck() =>
        Abstractions.Identifiers.BarcodeReader.Read("0103400930270387").Cip13 == "3400930270387";
}
