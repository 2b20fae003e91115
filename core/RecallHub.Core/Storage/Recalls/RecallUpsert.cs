namespace RecallHub.Core.Storage;

/// <summary>
/// What storing a notice does, whatever the store: a revision of a known (source, source id), a link to the recall
/// carrying its alert number or naming the same product and lots, or a new recall.
/// </summary>
internal static class RecallUpsert
{
    /// <summary>How far apart two notices may be published and still be taken for the same recall.</summary>
    public static readonly TimeSpan ProductLinkWindow = TimeSpan.FromDays(90);

    /// <summary>Stores <paramref name="incoming"/> through <paramref name="steps"/>, inside the caller's transaction.</summary>
    public static async Task<RecallUpsertResult> RunAsync(IRecallUpsertSteps steps, IncomingNotice incoming)
    {
        var notice = incoming.Notice;
        if (await steps.LinkedRecallAsync(notice.Source, notice.SourceId).ConfigureAwait(false) is { } known)
        {
            var current = await steps.CurrentRevisionAsync(notice.Source, notice.SourceId).ConfigureAwait(false);
            if (string.Equals(current.ContentSha256, incoming.Sha256, StringComparison.Ordinal))
            {
                return new RecallUpsertResult(RecallUpsertOutcome.Unchanged, known, current.Id, null);
            }

            if (notice.Version < current.Version)
            {
                return new RecallUpsertResult(RecallUpsertOutcome.Outdated, known, current.Id, null);
            }

            var before = await steps.ProductsOfRevisionAsync(current.Id).ConfigureAwait(false);
            var changes = RecallChanges.Compare(before, notice.Products, current.NoticeJson, incoming.Json);
            await steps.SupersedeAsync(current.Id).ConfigureAwait(false);
            long revisionId = await steps.InsertRevisionAsync(known, incoming, changes).ConfigureAwait(false);
            await steps.UpdateHeadlineAsync(known, incoming).ConfigureAwait(false);
            return new RecallUpsertResult(RecallUpsertOutcome.NewRevision, known, revisionId, changes);
        }

        if (incoming.AlertNumber is { } alert && await steps.RecallWithAlertNumberAsync(alert).ConfigureAwait(false) is { } linked)
        {
            return await LinkAsync(steps, linked, incoming, "alert_number", alert).ConfigureAwait(false);
        }

        if (await FindProductLinkAsync(steps, incoming).ConfigureAwait(false) is { } byProduct)
        {
            return await LinkAsync(steps, byProduct.RecallId, incoming, "product_lots", byProduct.Value).ConfigureAwait(false);
        }

        long created = await steps.CreateRecallAsync(incoming).ConfigureAwait(false);
        await steps.InsertLinkAsync(created, incoming, "origin", null).ConfigureAwait(false);
        long firstRevision = await steps.InsertRevisionAsync(created, incoming, null).ConfigureAwait(false);
        return new RecallUpsertResult(RecallUpsertOutcome.Created, created, firstRevision, null);
    }

    // Another source's notice joins an existing recall: the recall keeps its headline, and adopts the notice's alert
    // number when it has none and no other recall carries it, so that later notices with that number join it too.
    private static async Task<RecallUpsertResult> LinkAsync(IRecallUpsertSteps steps, long recallId, IncomingNotice incoming, string reason, string value)
    {
        var existing = await steps.CurrentProductsOfRecallAsync(recallId).ConfigureAwait(false);
        var changes = RecallChanges.Compare(existing, incoming.Notice.Products, null, null);
        await steps.InsertLinkAsync(recallId, incoming, reason, value).ConfigureAwait(false);
        long revisionId = await steps.InsertRevisionAsync(recallId, incoming, changes).ConfigureAwait(false);
        await steps.TouchLinkedAsync(recallId, incoming).ConfigureAwait(false);
        return new RecallUpsertResult(RecallUpsertOutcome.Linked, recallId, revisionId, changes);
    }

    // The rule (docs/notices.md, "Linking notices"): an active recall, published within the window, that no notice of
    // the incoming notice's source is linked to yet, whose alert number (if any) does not contradict the notice's,
    // and whose current products share a product key with the notice's with overlapping lots. Several candidates: the
    // closest publication wins, then the oldest recall.
    private static async Task<(long RecallId, string Value)?> FindProductLinkAsync(IRecallUpsertSteps steps, IncomingNotice incoming)
    {
        var notice = incoming.Notice;
        var products = notice.Products
            .Select(p => (Key: ProductKeys.Of(p.CodeScheme, p.Code), p.Selector.AllLots, Lots: p.Selector.Lots.Select(l => ProductKeys.Lot(l.Lot)!).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        if (products.Count == 0)
        {
            return null;
        }

        var candidates = await steps.ProductLinkCandidatesAsync(
            incoming, products.Select(p => p.Key).Distinct().ToList(), notice.PublishedAt - ProductLinkWindow, notice.PublishedAt + ProductLinkWindow).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return null;
        }

        var lotsOf = await steps.LotKeysAsync(candidates.Where(c => !c.AllLots).Select(c => c.ProductId).ToList()).ConfigureAwait(false);
        (long RecallId, string Value)? best = null;
        TimeSpan bestDistance = TimeSpan.MaxValue;
        foreach (var recall in candidates.GroupBy(c => c.RecallId))
        {
            // Per product key, the lots in common with each of the recall's products of that key.
            var common = new SortedDictionary<string, List<IReadOnlyCollection<string>>>(StringComparer.Ordinal);
            foreach (var stored in recall)
            {
                var storedLots = stored.AllLots ? null : lotsOf[stored.ProductId].ToHashSet(StringComparer.Ordinal);
                foreach (var product in products.Where(p => string.Equals(p.Key, stored.ProductKey, StringComparison.Ordinal)))
                {
                    if (Overlap(product.AllLots ? null : product.Lots, storedLots) is { } lots)
                    {
                        common.TryAdd(stored.ProductKey, []);
                        common[stored.ProductKey].Add(lots);
                    }
                }
            }

            var distance = (recall.First().PublishedAt - notice.PublishedAt).Duration();
            if (common.Count > 0 && distance < bestDistance)
            {
                string value = string.Join("; ", common.Select(c => c.Key + (c.Value.Any(l => l.Count == 0)
                    ? " all lots"
                    : " lots " + string.Join(", ", c.Value.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))));
                best = (recall.Key, value);
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
}
