using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The statements behind <see cref="RecallUpsert"/> on SQLite.</summary>
internal sealed partial class SqliteRecallStore
{
    /// <summary>One upsert's steps, in its transaction (which holds the write lock).</summary>
    private sealed class UpsertSteps(SqliteRecallStore store, SqliteConnection connection, SqliteTransaction transaction) : IRecallUpsertSteps
    {
        private SqliteConnection Connection => connection;

        public Task<long?> LinkedRecallAsync(string source, string sourceId) =>
            Connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT recall_id FROM recall_links WHERE source = @source AND source_id = @sourceId;", new { source, sourceId }, transaction);

        public async Task<CurrentRevision> CurrentRevisionAsync(string source, string sourceId)
        {
            var row = await Connection.QuerySingleAsync<RevisionRow>(
                $"{RevisionColumns} WHERE source = @source AND source_id = @sourceId AND is_current = 1;", new { source, sourceId }, transaction).ConfigureAwait(false);
            return new CurrentRevision(row.Id, (int)row.Version, row.ContentSha256, row.NoticeJson);
        }

        public Task<List<RecalledProduct>> ProductsOfRevisionAsync(long revisionId) =>
            store.ProductsOfRevisionsAsync("WHERE revision_id = @revisionId", new { revisionId }, transaction);

        public Task<List<RecalledProduct>> CurrentProductsOfRecallAsync(long recallId) =>
            store.ProductsOfRevisionsAsync(
                "WHERE revision_id IN (SELECT id FROM recall_revisions WHERE recall_id = @recallId AND is_current = 1)", new { recallId }, transaction);

        public Task SupersedeAsync(long revisionId) =>
            Connection.ExecuteAsync("UPDATE recall_revisions SET is_current = 0 WHERE id = @revisionId;", new { revisionId }, transaction);

        public async Task<long> InsertRevisionAsync(long recallId, IncomingNotice incoming, RecallChangeSummary? changes)
        {
            var notice = incoming.Notice;
            long revisionId = await Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recall_revisions (recall_id, source, source_id, version, content_sha256, notice_json, raw_payload, received_at, change_summary_json, is_current)
                VALUES (@recallId, @Source, @SourceId, @Version, @Sha256, @Json, @RawPayload, @ReceivedAt, @Changes, 1)
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
                    ReceivedAt = SqliteValues.Instant(incoming.ReceivedAt),
                    Changes = changes is null ? null : RecallChangeSummaryJson.Serialize(changes),
                },
                transaction).ConfigureAwait(false);

            var selectors = incoming.Selectors;
            for (int i = 0; i < notice.Products.Count; i++)
            {
                var product = notice.Products[i];
                long productId = await Connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO recall_products (recall_id, revision_id, product_index, code_scheme, code, product_key, label, all_lots, selector_json)
                    VALUES (@recallId, @revisionId, @i, @Scheme, @Code, @Key, @Label, @AllLots, @Selector)
                    RETURNING id;
                    """,
                    new
                    {
                        recallId,
                        revisionId,
                        i,
                        Scheme = SqliteValues.Name(product.CodeScheme),
                        product.Code,
                        Key = ProductKeys.Of(product.CodeScheme, product.Code),
                        product.Label,
                        product.Selector.AllLots,
                        Selector = selectors[i],
                    },
                    transaction).ConfigureAwait(false);
                if (product.Selector.Lots.Count > 0)
                {
                    await Connection.ExecuteAsync(
                        "INSERT INTO recall_lots (recall_product_id, lot, lot_key, expiry) VALUES (@productId, @Lot, @LotKey, @Expiry);",
                        product.Selector.Lots.Select(l => new { productId, l.Lot, LotKey = ProductKeys.Lot(l.Lot), Expiry = SqliteValues.Date(l.Expiry) }),
                        transaction).ConfigureAwait(false);
                }
            }

            return revisionId;
        }

        public Task UpdateHeadlineAsync(long recallId, IncomingNotice incoming) =>
            Connection.ExecuteAsync(
                """
                UPDATE recalls
                SET kind = @Kind, title = @Title, recall_levels = @Levels, published_at = @PublishedAt, updated_at = @At,
                    alert_number = COALESCE(alert_number, CASE WHEN EXISTS (SELECT 1 FROM recalls WHERE alert_number = @AlertNumber) THEN NULL ELSE @AlertNumber END)
                WHERE id = @recallId;
                """,
                new
                {
                    recallId,
                    Kind = SqliteValues.Name(incoming.Notice.Kind),
                    incoming.Notice.Title,
                    Levels = (long)incoming.Notice.RecallLevels,
                    PublishedAt = SqliteValues.Instant(incoming.Notice.PublishedAt),
                    At = SqliteValues.Instant(incoming.ReceivedAt),
                    incoming.AlertNumber,
                },
                transaction);

        public Task TouchLinkedAsync(long recallId, IncomingNotice incoming) =>
            Connection.ExecuteAsync(
                """
                UPDATE recalls
                SET updated_at = @At,
                    alert_number = COALESCE(alert_number, CASE WHEN EXISTS (SELECT 1 FROM recalls WHERE alert_number = @AlertNumber) THEN NULL ELSE @AlertNumber END)
                WHERE id = @recallId;
                """,
                new { At = SqliteValues.Instant(incoming.ReceivedAt), incoming.AlertNumber, recallId },
                transaction);

        public Task<long?> RecallWithAlertNumberAsync(string alertNumber) =>
            Connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM recalls WHERE alert_number = @alertNumber;", new { alertNumber }, transaction);

        public async Task<List<ProductLinkCandidate>> ProductLinkCandidatesAsync(IncomingNotice incoming, IReadOnlyList<string> keys, DateTimeOffset from, DateTimeOffset to)
        {
            var rows = await Connection.QueryAsync<(long ProductId, long RecallId, string ProductKey, long AllLots, string PublishedAt)>(
                """
                SELECT p.id, p.recall_id, p.product_key, p.all_lots, r.published_at
                FROM recall_products p
                JOIN recall_revisions v ON v.id = p.revision_id AND v.is_current = 1
                JOIN recalls r ON r.id = p.recall_id
                WHERE p.product_key IN @keys
                  AND r.status = 'active'
                  AND r.published_at BETWEEN @From AND @To
                  AND (@AlertNumber IS NULL OR r.alert_number IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM recall_links l WHERE l.recall_id = r.id AND l.source = @Source)
                ORDER BY p.recall_id, p.id;
                """,
                new { keys, From = SqliteValues.Instant(from), To = SqliteValues.Instant(to), incoming.AlertNumber, incoming.Notice.Source },
                transaction).ConfigureAwait(false);
            return [.. rows.Select(r => new ProductLinkCandidate(r.ProductId, r.RecallId, r.ProductKey, r.AllLots != 0, SqliteValues.ReadInstant(r.PublishedAt)))];
        }

        public async Task<ILookup<long, string>> LotKeysAsync(IReadOnlyList<long> productIds) =>
            (await Connection.QueryAsync<(long ProductId, string LotKey)>(
                "SELECT recall_product_id, lot_key FROM recall_lots WHERE recall_product_id IN @productIds;", new { productIds }, transaction).ConfigureAwait(false))
            .ToLookup(l => l.ProductId, l => l.LotKey);

        public Task<long> CreateRecallAsync(IncomingNotice incoming) =>
            Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recalls (alert_number, kind, title, recall_levels, published_at, status, created_at, updated_at)
                VALUES (@AlertNumber, @Kind, @Title, @Levels, @PublishedAt, 'active', @At, @At)
                RETURNING id;
                """,
                new
                {
                    incoming.AlertNumber,
                    Kind = SqliteValues.Name(incoming.Notice.Kind),
                    incoming.Notice.Title,
                    Levels = (long)incoming.Notice.RecallLevels,
                    PublishedAt = SqliteValues.Instant(incoming.Notice.PublishedAt),
                    At = SqliteValues.Instant(incoming.ReceivedAt),
                },
                transaction);

        public Task InsertLinkAsync(long recallId, IncomingNotice incoming, string reason, string? value) =>
            Connection.ExecuteAsync(
                """
                INSERT INTO recall_links (source, source_id, recall_id, link_reason, link_value, linked_at)
                VALUES (@Source, @SourceId, @recallId, @reason, @value, @At);
                """,
                new { incoming.Notice.Source, incoming.Notice.SourceId, recallId, reason, value, At = SqliteValues.Instant(incoming.ReceivedAt) },
                transaction);
    }
}
