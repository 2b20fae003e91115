using Microsoft.AspNetCore.Mvc;
using RecallHub.Core.Storage;
using RecallHub.Host.Web.Api.Blocks;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>
/// <c>GET /api/v1/recalls</c> and <c>GET /api/v1/recalls/{id}</c>: the stored recalls, for the pharmacist's tools.
/// Admin only: a counter key learns what it needs about a recall from the verdict itself.
/// </summary>
internal static class RecallsEndpoint
{
    /// <summary>How many of a recall's blocks its detail lists.</summary>
    public const int BlocksShown = 100;

    public static IEndpointRouteBuilder MapRecalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/recalls", async (
            IRecallHubStore store,
            [FromQuery] string? source,
            [FromQuery] string? status,
            [FromQuery] string? kind,
            [FromQuery(Name = "alert_number")] string? alertNumber,
            [FromQuery] string? limit,
            [FromQuery] string? offset,
            HttpContext http,
            CancellationToken cancellationToken) =>
        {
            var query = new QueryValues();
            var filter = new RecallFilter
            {
                Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
                Status = query.OneOf<RecallStatus?>("status", status, ApiNames.RecallStatuses.ToDictionary(s => s.Key, s => (RecallStatus?)s.Value, StringComparer.Ordinal), null),
                Kind = query.OneOf<Abstractions.Notices.NoticeKind?>("kind", kind, ApiNames.NoticeKinds.ToDictionary(k => k.Key, k => (Abstractions.Notices.NoticeKind?)k.Value, StringComparer.Ordinal), null),
                AlertNumber = string.IsNullOrWhiteSpace(alertNumber) ? null : alertNumber,
            };
            var paging = query.Page(limit, offset);
            if (query.Problem is { } problem)
            {
                return problem;
            }

            // Recalls are shared: a hub operator's key lists them too.
            await using var session = await store.OpenSessionAsync(ApiPharmacy.ScopeOf(http) ?? PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            var page = await session.Recalls.ListAsync(filter, paging, cancellationToken).ConfigureAwait(false);
            var response = new ApiPage<RecallSummaryView>(page.Total, paging.Offset, paging.Limit, [.. page.Items.Select(RecallSummaryView.Of)]);
            return Results.Json(response, HubJsonContext.Default.ApiPageRecallSummaryView);
        })
        .RequireAuthorization(ApiScope.Admin)
        .Produces<ApiPage<RecallSummaryView>>()
        .ProducesValidationProblem()
        .WithTags("Recalls")
        .WithName("ListRecalls")
        .WithSummary("List recalls, newest publication first: by source, status (active, closed), kind or alert_number; paged by limit (1-1000, default 50) and offset.");

        endpoints.MapGet("/api/v1/recalls/{id:long}", async (long id, IRecallHubStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            // The recall is shared; its blocks are the caller's pharmacy's, and a hub operator's key sees none of them.
            var scope = ApiPharmacy.ScopeOf(http);
            await using var session = await store.OpenSessionAsync(scope ?? PharmacyScope.All, cancellationToken).ConfigureAwait(false);
            if (await session.Recalls.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } recall)
            {
                return ApiProblems.NotFound("No such recall", $"There is no recall {id}.");
            }

            RecallBlocksView? blocksView = null;
            if (scope is not null)
            {
                var blocks = await session.Blocks.ListAsync(new BlockFilter { RecallId = id }, new Paging(0, BlocksShown), cancellationToken).ConfigureAwait(false);
                var active = await session.Blocks.ListAsync(new BlockFilter { RecallId = id, Active = true }, new Paging(0, 1), cancellationToken).ConfigureAwait(false);
                blocksView = new RecallBlocksView(blocks.Total, active.Total, [.. blocks.Items.Select(BlockView.Of)]);
            }

            var detail = Detail(recall, blocksView);
            return Results.Json(detail, HubJsonContext.Default.RecallDetail);
        })
        .RequireAuthorization(ApiScope.Admin)
        .Produces<RecallDetail>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithTags("Recalls")
        .WithName("GetRecall")
        .WithSummary("One recall: products and lots, revisions with what each changed, the linked notices, documents and the packs it blocks.");
        return endpoints;
    }

    private static RecallDetail Detail(StoredRecall recall, RecallBlocksView? blocks)
    {
        var notices = recall.Revisions.Select(r => (Revision: r, Notice: r.ReadNotice())).ToList();
        var current = notices.Where(n => n.Revision.IsCurrent).ToList();
        var latest = current.Count > 0 ? current[^1].Notice : null;
        return new RecallDetail(
            recall.Id,
            recall.AlertNumber,
            ApiNames.Name(recall.Kind),
            recall.Title,
            ApiNames.Levels(recall.RecallLevels),
            recall.PublishedAt,
            ApiNames.Name(recall.Status),
            recall.CreatedAt,
            recall.UpdatedAt,
            latest?.Reason,
            latest?.Risk,
            [.. current.SelectMany(n => n.Notice.Actions).Distinct(StringComparer.Ordinal)],
            [.. current.SelectMany(n => n.Notice.Products.Select(p => RecallProductView.Of(p, n.Notice.Source)))],
            [.. notices.Select(n => new RecallRevisionView(
                n.Revision.Id,
                n.Revision.Source,
                n.Revision.SourceId,
                n.Revision.Version,
                n.Notice.PublishedAt,
                n.Revision.ReceivedAt,
                n.Revision.IsCurrent,
                RecallChangesView.Of(n.Revision.Changes)))],
            [.. recall.Revisions.GroupBy(r => (r.Source, r.SourceId)).Select(g => new RecallLinkView(
                g.Key.Source,
                g.Key.SourceId,
                g.Where(r => r.IsCurrent).Select(r => r.Version).DefaultIfEmpty(g.Max(r => r.Version)).Max(),
                g.Min(r => r.ReceivedAt)))],
            [.. current.SelectMany(n => n.Notice.Links.Select(l => new RecallDocumentView(l.Url, l.Title, n.Notice.Source)))],
            blocks);
    }
}
