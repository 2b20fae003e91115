using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Matching;

/// <summary>
/// The reverse path: when a recall arrives, which stored packs does each of its products concern? The store narrows
/// the packs down by <see cref="ProductKey"/> first; this compares the rest with the rules of
/// <see cref="LotSelectorMatcher"/>. A product with no key (CIP7, ACL7, reference) concerns no pack here: flag its
/// notice for people to check.
/// </summary>
public static class StoredPackMatcher
{
    /// <summary>Whether <paramref name="product"/> concerns <paramref name="pack"/>, comparing the product keys first.</summary>
    /// <param name="product">The recalled product.</param>
    /// <param name="pack">A stored pack.</param>
    public static MatchOutcome Match(RecalledProduct product, in PackIdentity pack)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Match(product, ProductKey.Of(product), pack);
    }

    /// <summary>
    /// The packs that <paramref name="product"/> concerns or may concern, in the order of <paramref name="packs"/>;
    /// packs of other products are skipped.
    /// </summary>
    /// <param name="product">The recalled product.</param>
    /// <param name="packs">Stored packs, typically those the store found by the product's key.</param>
    public static IReadOnlyList<PackMatch> MatchingPacks(RecalledProduct product, IReadOnlyList<PackIdentity> packs)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(packs);
        string? key = ProductKey.Of(product);
        var matches = new List<PackMatch>();
        for (int i = 0; i < packs.Count; i++)
        {
            var outcome = Match(product, key, packs[i]);
            if (outcome != MatchOutcome.NotConcerned)
            {
                matches.Add(new PackMatch(i, outcome));
            }
        }

        return matches;
    }

    private static MatchOutcome Match(RecalledProduct product, string? key, in PackIdentity pack) =>
        key is not null && string.Equals(key, pack.ProductKey, StringComparison.Ordinal)
            ? LotSelectorMatcher.Match(product.Selector, pack)
            : MatchOutcome.NotConcerned;
}
