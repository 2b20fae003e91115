using RecallHub.Host.Web.Api.Blocks;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>The packs a recall blocks.</summary>
/// <param name="Total">How many blocks it placed, lifted or not.</param>
/// <param name="Active">How many still hold.</param>
/// <param name="Items">The newest <see cref="RecallsEndpoint.BlocksShown"/> of them; page through the rest with <c>GET /api/v1/blocks?recall_id=…</c>.</param>
internal sealed record RecallBlocksView(int Total, int Active, IReadOnlyList<BlockView> Items);
