using System.Reflection;
using RecallHub.Host.Plugins;

namespace RecallHub.Host.Web;

/// <summary><c>GET /health</c>: whether the hub is up, for load balancers, LGO integrations and monitoring.</summary>
internal static class HealthEndpoint
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (TimeProvider clock, HubStartTime started, [Microsoft.AspNetCore.Mvc.FromServices] PluginCatalog? catalog) =>
        {
            var now = clock.GetUtcNow();
            var checks = new Dictionary<string, string>
            {
                ["identifiers"] = IdentifierSelfCheck() ? "ok" : "failed",
            };
            var plugins = catalog?.Statuses
                .Select(s => new PluginHealth(s.Id, s.State.ToString().ToLowerInvariant(), s.Reason))
                .ToList() ?? [];

            // A failed plugin leaves the hub working (the others go on): degraded, still 200 for load balancers.
            string status = checks.Values.Any(v => v != "ok") ? "unhealthy"
                : plugins.Any(p => p.State == "failed") ? "degraded"
                : "healthy";
            var report = new HealthReport(status, Version, started.Value, (long)(now - started.Value).TotalSeconds, checks, plugins);
            return Results.Json(report, HubJsonContext.Default.HealthReport, statusCode: status == "unhealthy" ? 503 : 200);
        });
        return endpoints;
    }

    // The identifier tables load lazily: reading a known pack proves they loaded and agree.
    private static bool IdentifierSelfCheck() =>
        Abstractions.Identifiers.BarcodeReader.Read("0103400930270387").Cip13 == "3400930270387";
}
