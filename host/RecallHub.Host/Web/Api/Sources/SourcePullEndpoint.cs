using RecallHub.Host.Running;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Sources;

/// <summary>
/// <c>POST /api/v1/sources/{id}/pull</c>: pulls a source now rather than at its next scheduled time — after fixing its
/// settings, or when a pharmacist heard of a recall on the radio. Answers when the pull is over.
/// </summary>
internal static class SourcePullEndpoint
{
    public static IEndpointRouteBuilder MapSourcePull(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/sources/{id}/pull", async (string id, SourcePull pull, RunningPlugins running, CancellationToken cancellationToken) =>
        {
            if (running.FindSource(id) is null)
            {
                return Results.Problem(
                    title: "No such source",
                    detail: $"No running source '{id}'. Running sources: {(running.SourceIds.Count == 0 ? "none" : string.Join(", ", running.SourceIds))}. See /health for plugins that failed.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            var report = await pull.RunAsync(id, cancellationToken).ConfigureAwait(false);
            return Results.Json(SourcePullResponse.From(report), HubJsonContext.Default.SourcePullResponse);
        })
        .RequireAuthorization(ApiScope.Admin)
        .WithName("PullSource")
        .WithSummary("Pulls a source now; answers with what the pull stored, or why it failed.");
        return endpoints;
    }
}
