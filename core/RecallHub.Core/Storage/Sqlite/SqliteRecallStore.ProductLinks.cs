using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Linking a notice to an active recall of another source about the same product and lots.</summary>
internal sealed partial class SqliteRecallStore
{
    /// <summary>How far apart two notices may be published and still be taken for the same recall.</summary>
    internal static readonly TimeSpan ProductLinkWindow = TimeSpan.FromDays(90);

    // The rule (docs/notices.md, "Linking notices"): an active recall, published within the window, that no notice of
    // the incoming notice's source is linked to yet, whose alert number (if any) does not contradict the notice's,
    // and whose current products share a product key with the notice's with overlapping lots. Several candidates: the
    // closest publication wins, then the oldest recall.
    private async Task<ProductLink?> FindProductLinkAsync(IncomingNotice incoming, SqliteTransaction transaction)
    {
        var notice = incoming.Notice;
        var products = notice.Products
            .Select(p => (Key: ProductKeys.Of(p.CodeScheme, p.Code), p.Selector.AllLots, Lots: p.Selector.Lots.Select(l => ProductKeys.Lot(l.Lot)!).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        if (products.Count == 0)
        {
            return null;
        }

        var connection = session.Connection;
        var candidates = (await connection.QueryAsync<LinkCandidateRow>(
            """
            SELECT p.id AS ProductId, p.recall_id AS RecallId, p.product_key AS ProductKey, p.all_lots AS AllLots, r.published_at AS PublishedAt
            FROM recall_products p
            JOIN recall_revisions v ON v.id = p.revision_id AND v.is_current = 1
            JOIN recalls r ON r.id = p.recall_id
            WHERE p.product_key IN @Keys
              AND r.status = 'active'
              AND r.published_at BETWEEN @From AND @To
              AND (@AlertNumber IS NULL OR r.alert_number IS NULL)
              AND NOT EXISTS (SELECT 1 FROM recall_links l WHERE l.recall_id = r.id AND l.source = @Source)
            ORDER BY p.recall_id, p.id;
            """,
            new
            {
                Keys = products.Select(p => p.Key).Distinct().ToList(),
                From = SqliteValues.Instant(notice.PublishedAt - ProductLinkWindow),
                To = SqliteValues.Instant(notice.PublishedAt + ProductLinkWindow),
                incoming.AlertNumber,
                notice.Source,
            },
            transaction).ConfigureAwait(false)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var lotsOf = (await connection.QueryAsync<(long ProductId, string LotKey)>(
                "SELECT recall_product_id AS ProductId, lot_key AS LotKey FROM recall_lots WHERE recall_product_id IN @Ids;",
                new { Ids = candidates.Where(c => c.AllLots == 0).Select(c => c.ProductId).ToList() },
                transaction).ConfigureAwait(false))
            .ToLookup(l => l.ProductId, l => l.LotKey);

        ProductLink? best = null;
        TimeSpan bestDistance = TimeSpan.MaxValue;
        foreach (var recall in candidates.GroupBy(c => c.RecallId))
        {
            // Per product key, the lots in common with each of the recall's products of that key.
            var common = new SortedDictionary<string, List<IReadOnlyCollection<string>>>(StringComparer.Ordinal);
            foreach (var stored in recall)
            {
                var storedLots = stored.AllLots != 0 ? null : lotsOf[stored.ProductId].ToHashSet(StringComparer.Ordinal);
                foreach (var product in products.Where(p => string.Equals(p.Key, stored.ProductKey, StringComparison.Ordinal)))
                {
                    if (Overlap(product.AllLots ? null : product.Lots, storedLots) is { } lots)
                    {
                        common.TryAdd(stored.ProductKey, []);
                        common[stored.ProductKey].Add(lots);
                    }
                }
            }

            var distance = (SqliteValues.ReadInstant(recall.First().PublishedAt) - notice.PublishedAt).Duration();
            if (common.Count > 0 && distance < bestDistance)
            {
                string value = string.Join("; ", common.Select(c => c.Key + (c.Value.Any(l => l.Count == 0)
                    ? " all lots"
                    : " lots " + string.Join(", ", c.Value.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))));
                best = new ProductLink(recall.Key, value);
                bestDistance = distance;
            }
        }

        return best;
    }

    // The lots two selectors (null: every lot) have in common, or null when they have none. Every lot on one side
    // covers the other side's lots. Empty stands for "all lots": every lot on both sides, or every lot against a
    // selector that lists none (serials or dates only), which overlaps too.
    private static IReadOnlyCollection<string>? Overlap(HashSet<string>? incomingLots, HashSet<string>? storedLots) =>
        (incomingLots, storedLots) switch
        {
            (null, null) => [],
            (null, { } stored) => stored,
            ({ } incoming, null) => incoming,
            ({ } incoming, { } stored) => incoming.Where(stored.Contains).ToList() is { Count: > 0 } both ? both : null,
        };

    /// <summary>The recall a notice joins by product and lots, and what they have in common.</summary>
    private sealed record ProductLink(long RecallId, string Value);

    /// <summary>A current product of an active recall that may be the same recall as an incoming notice.</summary>
    private sealed class LinkCandidateRow
    {
        public long ProductId { get; set; }

        public long RecallId { get; set; }

        public string ProductKey { get; set; } = "";

        public long AllLots { get; set; }

        public string PublishedAt { get; set; } = "";
    }
}
