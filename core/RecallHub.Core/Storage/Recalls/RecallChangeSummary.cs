using System.Text;

namespace RecallHub.Core.Storage;

/// <summary>What a revision changes compared with what was stored before it.</summary>
/// <param name="ProductsAdded">Keys of products the revision adds.</param>
/// <param name="ProductsRemoved">Keys of products the revision no longer lists.</param>
/// <param name="LotsAdded">Lots added to products listed before and after.</param>
/// <param name="LotsRemoved">Lots removed from products listed before and after.</param>
/// <param name="SelectorsChanged">Keys of products whose other criteria changed (all lots, serials, date ranges).</param>
/// <param name="FieldsChanged">The notice's other members that changed, by JSON name (<c>title</c>, <c>recall_levels</c>…).</param>
public sealed record RecallChangeSummary(
    IReadOnlyList<string> ProductsAdded,
    IReadOnlyList<string> ProductsRemoved,
    IReadOnlyList<LotChange> LotsAdded,
    IReadOnlyList<LotChange> LotsRemoved,
    IReadOnlyList<string> SelectorsChanged,
    IReadOnlyList<string> FieldsChanged)
{
    /// <summary><see langword="true"/> when nothing the pharmacy acts on changed (products, lots, selectors, fields).</summary>
    public bool IsEmpty =>
        ProductsAdded.Count == 0 && ProductsRemoved.Count == 0 && LotsAdded.Count == 0 && LotsRemoved.Count == 0 &&
        SelectorsChanged.Count == 0 && FieldsChanged.Count == 0;

    /// <summary>One line for people, such as <c>lots added: 03400930000001 A123; fields changed: title</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "no change";
        }

        var text = new StringBuilder();
        Append(text, "products added", ProductsAdded);
        Append(text, "products removed", ProductsRemoved);
        Append(text, "lots added", LotsAdded.Select(l => $"{l.ProductKey} {l.Lot}"));
        Append(text, "lots removed", LotsRemoved.Select(l => $"{l.ProductKey} {l.Lot}"));
        Append(text, "selectors changed", SelectorsChanged);
        Append(text, "fields changed", FieldsChanged);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string what, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("; ");
        }

        text.Append(what).Append(": ").AppendJoin(", ", list);
    }
}
