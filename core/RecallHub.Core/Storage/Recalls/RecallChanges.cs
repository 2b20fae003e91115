using System.Text.Json;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>Computes a <see cref="RecallChangeSummary"/> between two sets of products and two notice JSON documents.</summary>
internal static class RecallChanges
{
    // Members that are not content the pharmacy acts on, or that are compared product by product.
    private static readonly HashSet<string> IgnoredMembers = new(StringComparer.Ordinal) { "products", "version", "raw_payload" };

    /// <summary>Compares the products and the other members of two notices.</summary>
    /// <param name="before">The products stored before.</param>
    /// <param name="after">The products of the new revision.</param>
    /// <param name="beforeJson">The previous notice's JSON, or <see langword="null"/> to compare products only.</param>
    /// <param name="afterJson">The new notice's JSON, or <see langword="null"/> to compare products only.</param>
    public static RecallChangeSummary Compare(IReadOnlyList<RecalledProduct> before, IReadOnlyList<RecalledProduct> after, string? beforeJson, string? afterJson)
    {
        var old = ByKey(before);
        var now = ByKey(after);
        var productsAdded = now.Keys.Where(k => !old.ContainsKey(k)).ToList();
        var productsRemoved = old.Keys.Where(k => !now.ContainsKey(k)).ToList();
        var lotsAdded = new List<LotChange>();
        var lotsRemoved = new List<LotChange>();
        var selectorsChanged = new List<string>();
        foreach (var (key, selectors) in now)
        {
            if (!old.TryGetValue(key, out var previous))
            {
                continue;
            }

            var oldLots = Lots(previous);
            var newLots = Lots(selectors);
            lotsAdded.AddRange(newLots.Where(l => !oldLots.ContainsKey(l.Key)).Select(l => new LotChange(key, l.Value)));
            lotsRemoved.AddRange(oldLots.Where(l => !newLots.ContainsKey(l.Key)).Select(l => new LotChange(key, l.Value)));
            if (!OtherCriteria(previous).SetEquals(OtherCriteria(selectors)) || LotExpiriesDiffer(previous, selectors))
            {
                selectorsChanged.Add(key);
            }
        }

        var fieldsChanged = beforeJson is null || afterJson is null ? [] : ChangedMembers(beforeJson, afterJson);
        return new RecallChangeSummary(productsAdded, productsRemoved, lotsAdded, lotsRemoved, selectorsChanged, fieldsChanged);
    }

    // A product may appear more than once in a notice (one line per presentation or per lot group): merge them.
    private static Dictionary<string, List<LotSelector>> ByKey(IReadOnlyList<RecalledProduct> products)
    {
        var byKey = new Dictionary<string, List<LotSelector>>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            string key = ProductKeys.Of(product.CodeScheme, product.Code);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(product.Selector);
        }

        return byKey;
    }

    private static Dictionary<string, string> Lots(List<LotSelector> selectors)
    {
        var lots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in selectors.SelectMany(s => s.Lots))
        {
            lots.TryAdd(ProductKeys.Lot(entry.Lot)!, entry.Lot);
        }

        return lots;
    }

    private static HashSet<string> OtherCriteria(List<LotSelector> selectors)
    {
        var criteria = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in selectors)
        {
            if (s.AllLots)
            {
                criteria.Add("all");
            }

            foreach (var range in s.Serials)
            {
                criteria.Add($"serial {range.First}..{range.Last}");
            }

            if (s.ExpiryRange is { } expiry)
            {
                criteria.Add($"expiry {expiry.From}..{expiry.To}");
            }

            if (s.ProductionRange is { } production)
            {
                criteria.Add($"production {production.From}..{production.To}");
            }

        }

        return criteria;
    }

    // Lots added or removed are reported as lots; a kept lot whose expiry changed is a selector change.
    private static bool LotExpiriesDiffer(List<LotSelector> before, List<LotSelector> after)
    {
        var old = before.SelectMany(s => s.Lots).Select(l => (Lot: ProductKeys.Lot(l.Lot)!, l.Expiry)).ToHashSet();
        var now = after.SelectMany(s => s.Lots).Select(l => (Lot: ProductKeys.Lot(l.Lot)!, l.Expiry)).ToHashSet();
        var kept = old.Select(l => l.Lot).Intersect(now.Select(l => l.Lot), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return !old.Where(l => kept.Contains(l.Lot)).ToHashSet().SetEquals(now.Where(l => kept.Contains(l.Lot)));
    }

    private static List<string> ChangedMembers(string beforeJson, string afterJson)
    {
        using var before = JsonDocument.Parse(beforeJson);
        using var after = JsonDocument.Parse(afterJson);
        var changed = new List<string>();
        var old = before.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        foreach (var member in after.RootElement.EnumerateObject())
        {
            if (IgnoredMembers.Contains(member.Name))
            {
                continue;
            }

            if (!old.Remove(member.Name, out var previous) || !string.Equals(previous, member.Value.GetRawText(), StringComparison.Ordinal))
            {
                changed.Add(member.Name);
            }
        }

        changed.AddRange(old.Keys.Where(k => !IgnoredMembers.Contains(k)));
        return changed;
    }
}
