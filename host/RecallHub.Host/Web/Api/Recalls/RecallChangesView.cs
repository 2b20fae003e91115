using RecallHub.Core.Storage;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>What a revision (or a linked notice) changes compared with what was stored before it.</summary>
/// <param name="Summary">One line for people: <c>lots added: 03400930270387 B60021</c>, or <c>no change</c>.</param>
/// <param name="ProductsAdded">Keys of the products added.</param>
/// <param name="ProductsRemoved">Keys of the products no longer listed.</param>
/// <param name="LotsAdded">Lots added to products listed before and after.</param>
/// <param name="LotsRemoved">Lots removed from products listed before and after.</param>
/// <param name="SelectorsChanged">Keys of products whose other criteria changed (all lots, serials, date ranges).</param>
/// <param name="FieldsChanged">The notice's other members that changed, by JSON name.</param>
internal sealed record RecallChangesView(
    string Summary,
    IReadOnlyList<string> ProductsAdded,
    IReadOnlyList<string> ProductsRemoved,
    IReadOnlyList<LotChangeView> LotsAdded,
    IReadOnlyList<LotChangeView> LotsRemoved,
    IReadOnlyList<string> SelectorsChanged,
    IReadOnlyList<string> FieldsChanged)
{
    public static RecallChangesView? Of(RecallChangeSummary? changes) => changes is null ? null : new(
        changes.ToString(),
        changes.ProductsAdded,
        changes.ProductsRemoved,
        [.. changes.LotsAdded.Select(l => new LotChangeView(l.ProductKey, l.Lot))],
        [.. changes.LotsRemoved.Select(l => new LotChangeView(l.ProductKey, l.Lot))],
        changes.SelectorsChanged,
        changes.FieldsChanged);
}
