using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Recalls on SQLite: <c>recalls</c>, <c>recall_links</c>, <c>recall_revisions</c>, <c>recall_products</c>, <c>recall_lots</c>.</summary>
internal sealed partial class SqliteRecallStore(SqliteStoreSession session) : IRecallStore
{
    public Task<RecallUpsertResult> UpsertAsync(RecallNotice notice, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        // Refused before anything is written.
        var problems = RecallNoticeJson.Validate(notice);
        if (problems.Count > 0)
        {
            throw new RecallNoticeFormatException(problems);
        }

        var incoming = new IncomingNotice(notice, receivedAt);
        return session.WriteAsync(async transaction =>
        {
            try
            {
                return await UpsertAsync(incoming, transaction).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                throw new StoreException(
                    $"The notice {notice.Source}/{notice.SourceId} version {notice.Version} could not be stored in '{session.Path}'; nothing of it was written: {e.Message}", e);
            }
        }, cancellationToken);
    }

    private async Task<RecallUpsertResult> UpsertAsync(IncomingNotice incoming, SqliteTransaction transaction)
    {
        var notice = incoming.Notice;
        var connection = session.Connection;
        long? recallId = await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT recall_id FROM recall_links WHERE source = @Source AND source_id = @SourceId;",
            new { notice.Source, notice.SourceId },
            transaction).ConfigureAwait(false);

        if (recallId is { } known)
        {
            var current = await connection.QuerySingleAsync<RevisionRow>(
                $"{RevisionColumns} WHERE source = @Source AND source_id = @SourceId AND is_current = 1;",
                new { notice.Source, notice.SourceId },
                transaction).ConfigureAwait(false);
            if (string.Equals(current.ContentSha256, incoming.Sha256, StringComparison.Ordinal))
            {
                return new RecallUpsertResult(RecallUpsertOutcome.Unchanged, known, current.Id, null);
            }

            if (notice.Version < current.Version)
            {
                return new RecallUpsertResult(RecallUpsertOutcome.Outdated, known, current.Id, null);
            }

            var before = await ProductsOfRevisionsAsync("WHERE revision_id = @Id", new { current.Id }, transaction).ConfigureAwait(false);
            var changes = RecallChanges.Compare(before, notice.Products, current.NoticeJson, incoming.Json);
            await connection.ExecuteAsync("UPDATE recall_revisions SET is_current = 0 WHERE id = @Id;", new { current.Id }, transaction).ConfigureAwait(false);
            long revisionId = await InsertRevisionAsync(known, incoming, changes, transaction).ConfigureAwait(false);
            await UpdateHeadlineAsync(known, incoming, transaction).ConfigureAwait(false);
            return new RecallUpsertResult(RecallUpsertOutcome.NewRevision, known, revisionId, changes);
        }

        if (incoming.AlertNumber is { } alert &&
            await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM recalls WHERE alert_number = @alert;", new { alert }, transaction).ConfigureAwait(false) is { } linked)
        {
            return await LinkAsync(linked, incoming, "alert_number", alert, transaction).ConfigureAwait(false);
        }

        if (await FindProductLinkAsync(incoming, transaction).ConfigureAwait(false) is { } byProduct)
        {
            return await LinkAsync(byProduct.RecallId, incoming, "product_lots", byProduct.Value, transaction).ConfigureAwait(false);
        }

        long created = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO recalls (alert_number, kind, title, recall_levels, published_at, status, created_at, updated_at)
            VALUES (@AlertNumber, @Kind, @Title, @Levels, @PublishedAt, 'active', @At, @At)
            RETURNING id;
            """,
            new
            {
                incoming.AlertNumber,
                Kind = SqliteValues.Name(notice.Kind),
                notice.Title,
                Levels = (long)notice.RecallLevels,
                PublishedAt = SqliteValues.Instant(notice.PublishedAt),
                At = SqliteValues.Instant(incoming.ReceivedAt),
            },
            transaction).ConfigureAwait(false);
        await InsertLinkAsync(created, incoming, "origin", null, transaction).ConfigureAwait(false);
        long firstRevision = await InsertRevisionAsync(created, incoming, null, transaction).ConfigureAwait(false);
        return new RecallUpsertResult(RecallUpsertOutcome.Created, created, firstRevision, null);
    }

    // Another source's notice joins an existing recall: the recall keeps its headline, and adopts the notice's alert
    // number when it has none and no other recall carries it, so that later notices with that number join it too.
    private async Task<RecallUpsertResult> LinkAsync(long recallId, IncomingNotice incoming, string reason, string value, SqliteTransaction transaction)
    {
        var connection = session.Connection;
        var existing = await ProductsOfRevisionsAsync(
            "WHERE revision_id IN (SELECT id FROM recall_revisions WHERE recall_id = @recallId AND is_current = 1)", new { recallId }, transaction).ConfigureAwait(false);
        var changes = RecallChanges.Compare(existing, incoming.Notice.Products, null, null);
        await InsertLinkAsync(recallId, incoming, reason, value, transaction).ConfigureAwait(false);
        long revisionId = await InsertRevisionAsync(recallId, incoming, changes, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            UPDATE recalls
            SET updated_at = @At,
                alert_number = COALESCE(alert_number, CASE WHEN EXISTS (SELECT 1 FROM recalls WHERE alert_number = @AlertNumber) THEN NULL ELSE @AlertNumber END)
            WHERE id = @recallId;
            """,
            new { At = SqliteValues.Instant(incoming.ReceivedAt), incoming.AlertNumber, recallId },
            transaction).ConfigureAwait(false);
        return new RecallUpsertResult(RecallUpsertOutcome.Linked, recallId, revisionId, changes);
    }

    private Task InsertLinkAsync(long recallId, IncomingNotice incoming, string reason, string? value, SqliteTransaction transaction) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO recall_links (source, source_id, recall_id, link_reason, link_value, linked_at)
            VALUES (@Source, @SourceId, @recallId, @reason, @value, @At);
            """,
            new { incoming.Notice.Source, incoming.Notice.SourceId, recallId, reason, value, At = SqliteValues.Instant(incoming.ReceivedAt) },
            transaction);

    private async Task<long> InsertRevisionAsync(long recallId, IncomingNotice incoming, RecallChangeSummary? changes, SqliteTransaction transaction)
    {
        var notice = incoming.Notice;
        var connection = session.Connection;
        long revisionId = await connection.ExecuteScalarAsync<long>(
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

        var selectors = LotSelectorJson.SelectorsOf(incoming.Json);
        for (int i = 0; i < notice.Products.Count; i++)
        {
            var product = notice.Products[i];
            long productId = await connection.ExecuteScalarAsync<long>(
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
                await connection.ExecuteAsync(
                    "INSERT INTO recall_lots (recall_product_id, lot, lot_key, expiry) VALUES (@productId, @Lot, @LotKey, @Expiry);",
                    product.Selector.Lots.Select(l => new { productId, l.Lot, LotKey = ProductKeys.Lot(l.Lot), Expiry = SqliteValues.Date(l.Expiry) }),
                    transaction).ConfigureAwait(false);
            }
        }

        return revisionId;
    }

    // The headline follows the latest revision; an alert number is adopted when the recall had none and no other
    // recall carries it.
    private Task UpdateHeadlineAsync(long recallId, IncomingNotice incoming, SqliteTransaction transaction) =>
        session.Connection.ExecuteAsync(
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

    private async Task<List<RecalledProduct>> ProductsOfRevisionsAsync(string where, object parameters, SqliteTransaction? transaction)
    {
        var rows = await session.Connection.QueryAsync<ProductRow>(
            $"SELECT recall_id AS RecallId, code_scheme AS CodeScheme, code AS Code, label AS Label, selector_json AS SelectorJson FROM recall_products {where} ORDER BY revision_id, product_index;",
            parameters,
            transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToProduct()).ToList();
    }

    /// <summary>A notice about to be stored, in its stored forms.</summary>
    private sealed class IncomingNotice
    {
        public IncomingNotice(RecallNotice notice, DateTimeOffset receivedAt)
        {
            Notice = notice;
            ReceivedAt = receivedAt;
            Json = RecallNoticeJson.Serialize(notice with { RawPayload = null });
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)));
            AlertNumber = NormalizeAlertNumber(notice.AlertNumber);
        }

        public RecallNotice Notice { get; }

        public DateTimeOffset ReceivedAt { get; }

        public string Json { get; }

        public string Sha256 { get; }

        public string? AlertNumber { get; }
    }

    /// <summary>An alert number as compared: upper case, without white space; blank is none.</summary>
    internal static string? NormalizeAlertNumber(string? alertNumber) =>
        string.IsNullOrWhiteSpace(alertNumber) ? null : ProductKeys.Lot(alertNumber);
}
