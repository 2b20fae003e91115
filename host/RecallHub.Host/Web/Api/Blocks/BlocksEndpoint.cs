using Mediator;
using Microsoft.AspNetCore.Mvc;
using RecallHub.Core.Blocking;
using RecallHub.Core.Storage;
using RecallHub.Host.Web.Security;

namespace RecallHub.Host.Web.Api.Blocks;

/// <summary>
/// <c>GET /api/v1/blocks</c>, <c>GET /api/v1/blocks/{id}</c> and <c>POST /api/v1/blocks/{id}/lift</c>: the packs
/// recalls keep on the shelf, and the named decision that releases one.
/// </summary>
internal static class BlocksEndpoint
{
    private static readonly Dictionary<string, bool?> States = new(StringComparer.Ordinal)
    {
        ["active"] = true,
        ["lifted"] = false,
        ["all"] = null,
    };

    public static IEndpointRouteBuilder MapBlocks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/blocks", async (
            IRecallHubStore store,
            [FromQuery] string? state,
            [FromQuery(Name = "recall_id")] string? recallId,
            [FromQuery(Name = "product_key")] string? productKey,
            [FromQuery] string? limit,
            [FromQuery] string? offset,
            HttpContext http,
            CancellationToken cancellationToken) =>
        {
            var query = new QueryValues();
            var filter = new BlockFilter
            {
                Active = query.OneOf("state", state, States, true),
                RecallId = query.Id("recall_id", recallId),
                ProductKey = string.IsNullOrWhiteSpace(productKey) ? null : productKey.Trim(),
            };
            var paging = query.Page(limit, offset);
            if (query.Problem is { } problem)
            {
                return problem;
            }

            await using var session = await store.OpenSessionAsync(ApiPharmacy.Required(http), cancellationToken).ConfigureAwait(false);
            var page = await session.Blocks.ListAsync(filter, paging, cancellationToken).ConfigureAwait(false);
            var response = new ApiPage<BlockView>(page.Total, paging.Offset, paging.Limit, [.. page.Items.Select(BlockView.Of)]);
            return Results.Json(response, HubJsonContext.Default.ApiPageBlockView);
        })
        .RequireAuthorization(ApiScope.Admin)
        .RequirePharmacy()
        .Produces<ApiPage<BlockView>>()
        .ProducesValidationProblem()
        .WithTags("Blocks")
        .WithName("ListBlocks")
        .WithSummary("List stock blocks, newest first: state active (default), lifted or all; by recall_id or product_key; paged by limit (1-1000, default 50) and offset.");

        endpoints.MapGet("/api/v1/blocks/{id:long}", async (long id, IRecallHubStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            // Another pharmacy's block is not found, exactly like a missing one: its existence is not told.
            await using var session = await store.OpenSessionAsync(ApiPharmacy.Required(http), cancellationToken).ConfigureAwait(false);
            return await session.Blocks.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } block
                ? Results.Json(BlockView.Of(block), HubJsonContext.Default.BlockView)
                : NoSuchBlock(id);
        })
        .RequireAuthorization(ApiScope.Admin)
        .RequirePharmacy()
        .Produces<BlockView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithTags("Blocks")
        .WithName("GetBlock")
        .WithSummary("One stock block: the pack, the recall, why, and who lifted it if anyone did.");

        endpoints.MapPost("/api/v1/blocks/{id:long}/lift", async (long id, HttpRequest request, IMediator mediator, IRecallHubStore store, CancellationToken cancellationToken) =>
        {
            byte[] body = await JsonBody.ReadAllAsync(request, cancellationToken).ConfigureAwait(false);
            if (!JsonBody.TryParse(body, out var document, out var notJson))
            {
                return notJson;
            }

            document.Dispose();
            if (!JsonBody.TryRead(body, HubJsonContext.Default.LiftRequest, out var lift, out var malformed))
            {
                return malformed;
            }

            var missing = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(lift.By))
            {
                missing.Add(("$.by", "Required: the name of the person who decides (not a workstation or a role)."));
            }

            if (string.IsNullOrWhiteSpace(lift.Reason))
            {
                missing.Add(("$.reason", "Required: why the pack may leave or how it was dealt with (returned, destroyed, lot checked and not concerned…)."));
            }

            if (missing.Count > 0)
            {
                return ApiProblems.Invalid("Lift refused", missing);
            }

            try
            {
                var lifted = await mediator.Send(new LiftBlock(id, lift.By!, lift.Reason!) { Scope = ApiPharmacy.Required(request.HttpContext) }, cancellationToken).ConfigureAwait(false);
                return Results.Json(BlockView.Of(lifted), HubJsonContext.Default.BlockView);
            }
            catch (ArgumentException e)
            {
                // The engine's own checks (a name or reason too long): its message says which and why.
                return ApiProblems.Invalid("Lift refused", [("$." + (e.ParamName ?? "body"), e.Message)]);
            }
            catch (BlockNotFoundException)
            {
                return NoSuchBlock(id);
            }
            catch (BlockAlreadyLiftedException e)
            {
                // The store's message names who lifted it and when; the earlier decision is attached for software.
                await using var session = await store.OpenSessionAsync(ApiPharmacy.Required(request.HttpContext), cancellationToken).ConfigureAwait(false);
                var earlier = (await session.Blocks.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Lift;
                return Results.Problem(
                    title: "Block already lifted",
                    detail: e.Message,
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: earlier is null ? null : new Dictionary<string, object?>
                    {
                        ["lifted_by"] = earlier.By,
                        ["lifted_at"] = earlier.At,
                        ["lift_reason"] = earlier.Reason,
                    });
            }
        })
        .RequireAuthorization(ApiScope.Admin)
        .RequirePharmacy()
        .Accepts<LiftRequest>("application/json")
        .Produces<BlockView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithTags("Blocks")
        .WithName("LiftBlock")
        .WithSummary("Lift a block: a named person (by) decides for a reason that the pack may leave; audited and announced to the sinks. A lift is final.");
        return endpoints;
    }

    private static IResult NoSuchBlock(long id) => ApiProblems.NotFound("No such block", $"There is no stock block {id}.");
}
