using Dapper;
using Npgsql;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>The statements behind <see cref="RecallUpsert"/> on PostgreSQL.</summary>
internal sealed partial class PostgreSqlRecallStore
{
    /// <summary>One upsert's steps, in its transaction (which holds the upsert lock).</summary>
    private sealed class UpsertSteps(PostgreSqlRecallStore store, NpgsqlConnection connection, NpgsqlTransaction transaction) : IRecallUpsertSteps
    {
        // The alert number is adopted when the recall had none and no other recall carries it.
        private const string AdoptAlertNumber =
            "alert_number = COALESCE(alert_number, CASE WHEN EXISTS (SELECT 1 FROM recalls WHERE alert_number = @AlertNumber) THEN NULL ELSE @AlertNumber END)";

        public Task<long?> LinkedRecallAsync(string source, string sourceId) =>
            connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT recall_id FROM recall_links WHERE source = @source AND source_id = @sourceId;", new { source, sourceId }, transaction);

        public Task<CurrentRevision> CurrentRevisionAsync(string source, string sourceId) =>
            connection.QuerySingleAsync<CurrentRevision>(
                "SELECT id AS Id, version AS Version, content_sha256 AS ContentSha256, notice_json AS NoticeJson FROM recall_revisions WHERE source = @source AND source_id = @sourceId AND is_current;",
                new { source, sourceId },
                transaction);

        public Task<List<RecalledProduct>> ProductsOfRevisionAsync(long revisionId) =>
            store.ProductsOfRevisionsAsync("WHERE revision_id = @revisionId", new { revisionId }, transaction);

        public Task<List<RecalledProduct>> CurrentProductsOfRecallAsync(long recallId) =>
            store.ProductsOfRevisionsAsync(
                "WHERE revision_id IN (SELECT id FROM recall_revisions WHERE recall_id = @recallId AND is_current)", new { recallId }, transaction);

        public Task SupersedeAsync(long revisionId) =>
            connection.ExecuteAsync("UPDATE recall_revisions SET is_current = false WHERE id = @revisionId;", new { revisionId }, transaction);

        public async Task<long> InsertRevisionAsync(long recallId, IncomingNotice incoming, RecallChangeSummary? changes)
        {
            var notice = incoming.Notice;
            long revisionId = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recall_revisions (recall_id, source, source_id, version, content_sha256, notice_json, raw_payload, received_at, change_summary_json, is_current)
                VALUES (@recallId, @Source, @SourceId, @Version, @Sha256, @Json, @RawPayload, @ReceivedAt, @Changes::jsonb, true)
                RETURNING id;
                """,
                new
                {
                    recallId,
                    notice.Source,
                    notice.SourceId,
                    notice.Version,
                    incoming.Sha256,
                    incoming.Json,
                    notice.RawPayload,
                    ReceivedAt = PostgreSqlValues.Instant(incoming.ReceivedAt),
                    Changes = changes is null ? null : RecallChangeSummaryJson.Serialize(changes),
                },
                transaction).ConfigureAwait(false);

            // Every product and lot of the revision in two statements.
            var selectors = incoming.Selectors;
            var products = notice.Products;
            var productIds = (await connection.QueryAsync<long>(
                """
                INSERT INTO recall_products (recall_id, revision_id, product_index, code_scheme, code, product_key, label, all_lots, selector_json)
                SELECT @recallId, @revisionId, i - 1, scheme, code, key, label, all_lots, selector::jsonb
                FROM unnest(@Schemes, @Codes, @Keys, @Labels, @AllLots, @Selectors) WITH ORDINALITY AS p (scheme, code, key, label, all_lots, selector, i)
                ORDER BY i
                RETURNING id;
                """,
                new
                {
                    recallId,
                    revisionId,
                    Schemes = products.Select(p => StoreValues.Name(p.CodeScheme)).ToArray(),
                    Codes = products.Select(p => p.Code).ToArray(),
                    Keys = products.Select(p => ProductKeys.Of(p.CodeScheme, p.Code)).ToArray(),
                    Labels = products.Select(p => p.Label).ToArray(),
                    AllLots = products.Select(p => p.Selector.AllLots).ToArray(),
                    Selectors = selectors.ToArray(),
                },
                transaction).ConfigureAwait(false)).Order().ToList();

            var lots = products.SelectMany((p, i) => p.Selector.Lots.Select(l => (ProductId: productIds[i], l.Lot, l.Expiry))).ToList();
            if (lots.Count > 0)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO recall_lots (recall_product_id, lot, lot_key, expiry)
                    SELECT * FROM unnest(@Ids, @Lots, @LotKeys, @Expiries::date[]);
                    """,
                    new
                    {
                        Ids = lots.Select(l => l.ProductId).ToArray(),
                        Lots = lots.Select(l => l.Lot).ToArray(),
                        LotKeys = lots.Select(l => ProductKeys.Lot(l.Lot)).ToArray(),
                        Expiries = lots.Select(l => PostgreSqlValues.Date(l.Expiry)).ToArray(),
                    },
                    transaction).ConfigureAwait(false);
            }

            return revisionId;
        }

        public Task UpdateHeadlineAsync(long recallId, IncomingNotice incoming) =>
            connection.ExecuteAsync(
                $"""
                UPDATE recalls
                SET kind = @Kind, title = @Title, recall_levels = @Levels, published_at = @PublishedAt, updated_at = @At, {AdoptAlertNumber}
                WHERE id = @recallId;
                """,
                new
                {
                    recallId,
                    Kind = StoreValues.Name(incoming.Notice.Kind),
                    incoming.Notice.Title,
                    Levels = (int)incoming.Notice.RecallLevels,
                    PublishedAt = PostgreSqlValues.Instant(incoming.Notice.PublishedAt),
                    At = PostgreSqlValues.Instant(incoming.ReceivedAt),
                    incoming.AlertNumber,
                },
                transaction);

        public Task TouchLinkedAsync(long recallId, IncomingNotice incoming) =>
            connection.ExecuteAsync(
                $"UPDATE recalls SET updated_at = @At, {AdoptAlertNumber} WHERE id = @recallId;",
                new { At = PostgreSqlValues.Instant(incoming.ReceivedAt), incoming.AlertNumber, recallId },
                transaction);

        public Task<long?> RecallWithAlertNumberAsync(string alertNumber) =>
            connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM recalls WHERE alert_number = @alertNumber;", new { alertNumber }, transaction);

        public async Task<List<ProductLinkCandidate>> ProductLinkCandidatesAsync(IncomingNotice incoming, IReadOnlyList<string> keys, DateTimeOffset from, DateTimeOffset to)
        {
            var rows = await connection.QueryAsync<(long ProductId, long RecallId, string ProductKey, bool AllLots, DateTime PublishedAt)>(
                """
                SELECT p.id, p.recall_id, p.product_key, p.all_lots, r.published_at
                FROM recall_products p
                JOIN recall_revisions v ON v.id = p.revision_id AND v.is_current
                JOIN recalls r ON r.id = p.recall_id
                WHERE p.product_key = ANY(@keys)
                  AND r.status = 'active'
                  AND r.published_at BETWEEN @From AND @To
                  AND (@AlertNumber::text IS NULL OR r.alert_number IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM recall_links l WHERE l.recall_id = r.id AND l.source = @Source)
                ORDER BY p.recall_id, p.id;
                """,
                new { keys = keys.ToArray(), From = PostgreSqlValues.Instant(from), To = PostgreSqlValues.Instant(to), incoming.AlertNumber, incoming.Notice.Source },
                transaction).ConfigureAwait(false);
            return [.. rows.Select(r => new ProductLinkCandidate(r.ProductId, r.RecallId, r.ProductKey, r.AllLots, PostgreSqlValues.ReadInstant(r.PublishedAt)))];
        }

        public async Task<ILookup<long, string>> LotKeysAsync(IReadOnlyList<long> productIds) =>
            (await connection.QueryAsync<(long ProductId, string LotKey)>(
                "SELECT recall_product_id, lot_key FROM recall_lots WHERE recall_product_id = ANY(@ids);", new { ids = productIds.ToArray() }, transaction).ConfigureAwait(false))
            .ToLookup(l => l.ProductId, l => l.LotKey);

        public Task<long> CreateRecallAsync(IncomingNotice incoming) =>
            connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recalls (alert_number, kind, title, recall_levels, published_at, status, created_at, updated_at)
                VALUES (@AlertNumber, @Kind, @Title, @Levels, @PublishedAt, 'active', @At, @At)
                RETURNING id;
                """,
                new
                {
                    incoming.AlertNumber,
                    Kind = StoreValues.Name(incoming.Notice.Kind),
                    incoming.Notice.Title,
                    Levels = (int)incoming.Notice.RecallLevels,
                    PublishedAt = PostgreSqlValues.Instant(incoming.Notice.PublishedAt),
                    At = PostgreSqlValues.Instant(incoming.ReceivedAt),
                },
                transaction);

        public Task InsertLinkAsync(long recallId, IncomingNotice incoming, string reason, string? value) =>
            connection.ExecuteAsync(
                """
                INSERT INTO recall_links (source, source_id, recall_id, link_reason, link_value, linked_at)
                VALUES (@Source, @SourceId, @recallId, @reason, @value, @At);
                """,
                new { incoming.Notice.Source, incoming.Notice.SourceId, recallId, reason, value, At = PostgreSqlValues.Instant(incoming.ReceivedAt) },
                transaction);
    }
}
