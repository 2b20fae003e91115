using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tenancy;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Plugins;

/// <summary>
/// <c>GET /api/v1/plugins/{id}/queries</c> and <c>GET /api/v1/plugins/{id}/queries/{name}</c>: the questions a running
/// plugin answers about what it keeps (<see cref="IPluginQueries"/>), as JSON or CSV. Scope <c>patients</c> only:
/// answers may name patients, so an admin key does not do.
/// </summary>
/// <remarks>
/// <see cref="IPluginQueries"/> carries no pharmacy, and the implant register keeps no pharmacy with its entries: its
/// answers are the whole hub's. So in a multi-pharmacy hub only a hub operator's key (one naming no pharmacy) may ask,
/// and a pharmacy's key is refused rather than shown other pharmacies' patients.
/// </remarks>
internal static partial class PluginQueriesEndpoint
{
    public static IEndpointRouteBuilder MapPluginQueries(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/plugins/{id}/queries", (string id, RunningPlugins running, HttpContext http) =>
            PharmacyKeyOfManyProblem(http) is { } refused ? refused
            : running.FindQueries(id) is not { } plugin
                ? NoSuchPlugin(id, running)
                : Results.Json(
                    new PluginQueryListView(id, [.. plugin.Queries.Select(q => new PluginQueryView(q.Name, q.Description, [.. q.Parameters.Select(p => new PluginQueryParameterView(p.Name, p.Description, p.Required))]))]),
                    HubJsonContext.Default.PluginQueryListView))
        .RequireAuthorization(ApiScope.Patients)
        .WithTags("Plugins")
        .WithName("ListPluginQueries")
        .WithSummary("The queries a running plugin answers, with their parameters.");

        endpoints.MapGet("/api/v1/plugins/{id}/queries/{name}", async (string id, string name, HttpContext http, RunningPlugins running, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            if (PharmacyKeyOfManyProblem(http) is { } refused)
            {
                return refused;
            }

            if (running.FindQueries(id) is not { } plugin)
            {
                return NoSuchPlugin(id, running);
            }

            if (!plugin.Queries.Any(q => q.Name == name))
            {
                return ApiProblems.NotFound("No such query", $"Plugin '{id}' answers no query '{name}'. Its queries: {string.Join(", ", plugin.Queries.Select(q => q.Name))}.");
            }

            var query = http.Request.Query;
            string format = query["format"].FirstOrDefault() ?? "json";
            if (format is not ("json" or "csv"))
            {
                return ApiProblems.Invalid("Bad query parameters", [("format", $"'{format}' is not a format: use json (default) or csv.")]);
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, values) in query)
            {
                if (key == "format")
                {
                    continue;
                }

                if (values.Count > 1)
                {
                    return ApiProblems.Invalid("Bad query parameters", [(key, "Given more than once: give it once.")]);
                }

                parameters[key] = values.ToString();
            }

            // The plugin records who asked: the key's name, never the key.
            string requestedBy = http.User.Identity?.Name ?? "unknown";
            PluginQueryResult result;
            try
            {
                result = await plugin.QueryAsync(name, parameters, requestedBy, cancellationToken).ConfigureAwait(false);
            }
            catch (PluginQueryException e)
            {
                return Results.Problem(title: "Bad query parameters", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Plugins word their failures for the people allowed to query them (no patient data in messages).
                LogQueryFailed(loggers.CreateLogger(typeof(PluginQueriesEndpoint)), e, id, name);
                return Results.Problem(title: "Query failed", detail: $"Plugin '{id}' could not answer '{name}': {e.Message}", statusCode: StatusCodes.Status500InternalServerError);
            }

            if (format == "csv")
            {
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-{name}.csv\"";
                return Results.Bytes(QueryCsv.Write(result), "text/csv; charset=utf-8");
            }

            return Results.Json(new PluginQueryAnswer(id, name, result.Columns, result.Rows), HubJsonContext.Default.PluginQueryAnswer);
        })
        .RequireAuthorization(ApiScope.Patients)
        .WithTags("Plugins")
        .WithName("QueryPlugin")
        .WithSummary("Asks a running plugin one of its queries; JSON, or CSV with ?format=csv. The plugin audits who asked.");
        return endpoints;
    }

    // A pharmacy's key of a multi-pharmacy hub: the plugins' answers span every pharmacy (see the remarks).
    private static IResult? PharmacyKeyOfManyProblem(HttpContext http) =>
        http.RequestServices.GetRequiredService<HubTenancy>().IsMultiPharmacy && http.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.PharmacyClaim)
            ? Results.Problem(
                title: "Plugin queries are hub-wide",
                detail: $"The API key '{http.User.Identity?.Name}' belongs to one pharmacy, but plugin queries answer for every pharmacy of this hub (the implant register keeps no pharmacy): ask with a hub operator's key (one naming no pharmacy) given the scope patients.",
                statusCode: StatusCodes.Status403Forbidden)
            : null;

    private static IResult NoSuchPlugin(string id, RunningPlugins running) => ApiProblems.NotFound(
        "No such plugin",
        $"No running plugin '{id}' answers queries. Plugins that do: {(running.QueryPluginIds.Count == 0 ? "none" : string.Join(", ", running.QueryPluginIds))}. See /health for plugins that failed.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {PluginId}: query {Query} failed.")]
    private static partial void LogQueryFailed(ILogger logger, Exception exception, string pluginId, string query);
}
