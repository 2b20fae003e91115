using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Blocking;

/// <summary>
/// The reverse path: which packs the pharmacy holds or held does a recall reach? The store narrows by product key (and
/// listed lots); <see cref="StoredPackMatcher"/> settles serial and date selectors.
/// </summary>
public static class RecallExposure
{
    /// <summary>The packs <paramref name="products"/> concern or may concern, one per pack, most certain outcome kept.</summary>
    /// <param name="scans">The scan store.</param>
    /// <param name="products">The recall's current products.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The exposed packs, and the products that have no key to match on (people must check those).</returns>
    public static async Task<(IReadOnlyList<ExposedPack> Packs, IReadOnlyList<RecalledProduct> Unmatchable)> FindAsync(
        IScanStore scans,
        IReadOnlyList<RecalledProduct> products,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(products);
        // Per pharmacy: across all pharmacies, the same lot (or box) held by two pharmacies is two exposed packs.
        var found = new Dictionary<(string Pharmacy, string Key, string? Lot, string? Serial), ExposedPack>();
        var unmatchable = new List<RecalledProduct>();
        foreach (var product in products)
        {
            if (ProductKey.Of(product) is not { } key)
            {
                unmatchable.Add(product);
                continue;
            }

            var holdings = await scans.FindHoldingsAsync(key, ListedLotsOnly(product.Selector), cancellationToken).ConfigureAwait(false);
            foreach (var holding in holdings)
            {
                var outcome = StoredPackMatcher.Match(product, Identity(holding));
                if (outcome == MatchOutcome.NotConcerned)
                {
                    continue;
                }

                var id = (holding.Pharmacy, holding.ProductKey, ProductKeys.Lot(holding.Lot), holding.Serial);
                if (!found.TryGetValue(id, out var known) || (known.Outcome == MatchOutcome.CannotTell && outcome == MatchOutcome.Concerned))
                {
                    found[id] = new ExposedPack(holding, product, outcome);
                }
            }
        }

        return ([.. found.Values.OrderBy(p => p.Holding.LastScanId)], unmatchable);
    }

    /// <summary>The pack identity matching works on.</summary>
    /// <param name="holding">The pack.</param>
    public static PackIdentity Identity(PackHolding holding)
    {
        ArgumentNullException.ThrowIfNull(holding);
        return new PackIdentity(holding.ProductKey, holding.Lot, holding.Serial, holding.Expiry, holding.ProductionDate);
    }

    // Only a selector that is nothing but listed lots can be narrowed by lot in the store; serials and date ranges need
    // every pack of the product.
    private static string[]? ListedLotsOnly(LotSelector selector) =>
        !selector.AllLots && selector.Serials.Count == 0 && selector.ExpiryRange is null && selector.ProductionRange is null && selector.Lots.Count > 0
            ? [.. selector.Lots.Select(l => l.Lot)]
            : null;
}
