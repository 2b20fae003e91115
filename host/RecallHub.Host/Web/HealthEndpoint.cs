using System.Reflection;

namespace RecallHub.Host.Web;

/// <summary><c>GET /health</c>: whether the hub is up, for load balancers, LGO integrations and monitoring.</summary>
internal static class HealthEndpoint
{
    private static readonly string Version =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (TimeProvider clock, HubStartTime started) =>
        {
            var now = clock.GetUtcNow();
            var checks = new Dictionary<string, string>
            {
                ["identifiers"] = IdentifierSelfCheck() ? "ok" : "failed",
            };
            bool healthy = checks.Values.All(v => v == "ok");
            var report = new HealthReport(healthy ? "healthy" : "unhealthy", Version, started.Value, (long)(now - started.Value).TotalSeconds, checks);
            return Results.Json(report, HubJsonContext.Default.HealthReport, statusCode: healthy ? 200 : 503);
        });
        return endpoints;
    }

    // The identifier tables load lazily: reading a known pack proves they loaded and agree.
    private static bool IdentifierSelfCheck() =>
        Abstractions.Identifiers.BarcodeReader.Read("0103400930270387").Cip13 == "3400930270387";
}
