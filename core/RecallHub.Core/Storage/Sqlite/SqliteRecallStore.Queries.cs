using Dapper;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The read side of the recall store.</summary>
internal sealed partial class SqliteRecallStore
{
    private const string RevisionColumns = """
        SELECT id AS Id, recall_id AS RecallId, source AS Source, source_id AS SourceId, version AS Version,
               content_sha256 AS ContentSha256, notice_json AS NoticeJson, raw_payload AS RawPayload,
               received_at AS ReceivedAt, change_summary_json AS ChangeSummaryJson, is_current AS IsCurrent
        FROM recall_revisions
        """;

    private const string RecallColumns = """
        SELECT r.id AS Id, r.alert_number AS AlertNumber, r.kind AS Kind, r.title AS Title, r.recall_levels AS RecallLevels,
               r.published_at AS PublishedAt, r.status AS Status, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt
        """;

    public async Task<StoredRecall?> GetAsync(long recallId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = session.Connection;
        var recall = await connection.QuerySingleOrDefaultAsync<RecallRow>(
            $"{RecallColumns} FROM recalls r WHERE r.id = @recallId;", new { recallId }, session.Transaction).ConfigureAwait(false);
        if (recall is null)
        {
            return null;
        }

        var revisions = await connection.QueryAsync<RevisionRow>(
            $"{RevisionColumns} WHERE recall_id = @recallId ORDER BY id;", new { recallId }, session.Transaction).ConfigureAwait(false);
        var products = await ProductsOfRevisionsAsync(
            "WHERE revision_id IN (SELECT id FROM recall_revisions WHERE recall_id = @recallId AND is_current = 1)", new { recallId }, session.Transaction).ConfigureAwait(false);
        return new StoredRecall(
            recall.Id,
            recall.AlertNumber,
            SqliteValues.ReadName<NoticeKind>(recall.Kind, $"recalls row {recall.Id}"),
            recall.Title,
            (RecallLevels)recall.RecallLevels,
            SqliteValues.ReadInstant(recall.PublishedAt),
            SqliteValues.ReadName<RecallStatus>(recall.Status, $"recalls row {recall.Id}"),
            SqliteValues.ReadInstant(recall.CreatedAt),
            SqliteValues.ReadInstant(recall.UpdatedAt),
            products,
            revisions.Select(r => r.ToRevision()).ToList());
    }

    public async Task<IReadOnlyList<ActiveRecall>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = session.Connection;

        // Two queries for every active recall together: the actions straight from the stored notice JSON, then the
        // recalls with their products.
        var actionRows = await connection.QueryAsync<(long RecallId, string Action)>(
            """
            SELECT v.recall_id AS RecallId, a.value AS Action
            FROM recalls r
            JOIN recall_revisions v ON v.recall_id = r.id AND v.is_current = 1
            JOIN json_each(v.notice_json, '$.actions') a
            WHERE r.status = 'active'
            ORDER BY v.recall_id, v.id, a.key;
            """,
            transaction: session.Transaction).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ActiveRow>(
            """
            SELECT r.id AS RecallId, r.kind AS Kind, r.recall_levels AS RecallLevels, r.title AS Title, r.alert_number AS AlertNumber,
                   p.code_scheme AS CodeScheme, p.code AS Code, p.label AS Label, p.selector_json AS SelectorJson
            FROM recalls r
            LEFT JOIN recall_revisions v ON v.recall_id = r.id AND v.is_current = 1
            LEFT JOIN recall_products p ON p.revision_id = v.id
            WHERE r.status = 'active'
            ORDER BY r.id, v.id, p.product_index;
            """,
            transaction: session.Transaction).ConfigureAwait(false);
        return ActiveRecalls.Assemble(
            rows.Select(r => new ActiveRecallRow(
                r.RecallId,
                SqliteValues.ReadName<NoticeKind>(r.Kind, $"recalls row {r.RecallId}"),
                (RecallLevels)r.RecallLevels,
                r.Title,
                r.AlertNumber,
                r.Code is null ? null : new ProductRow { RecallId = r.RecallId, CodeScheme = r.CodeScheme!, Code = r.Code, Label = r.Label, SelectorJson = r.SelectorJson! }.ToProduct())),
            actionRows);
    }

    public Task<string> GetActiveStampAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Every change to what ListActiveAsync returns stores a revision (notices, links) or changes the set of active
        // recalls (closing, reopening): the newest revision id, then the count, ids and latest update of the active
        // recalls. Rows are never deleted, so the newest revision id never goes back. Reads one index entry per active
        // recall (ix_recalls_status_published) and the last rowid of recall_revisions.
        return session.Connection.ExecuteScalarAsync<string>(
            """
            SELECT 'r' || (SELECT COALESCE(MAX(id), 0) FROM recall_revisions) || '-n' || COUNT(*) || '-s' || COALESCE(SUM(id), 0) || '-u' || COALESCE(MAX(updated_at), '')
            FROM recalls WHERE status = 'active';
            """,
            transaction: session.Transaction)!;
    }

    public async Task<RecallPage> ListAsync(RecallFilter filter, Paging paging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        paging.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        string where = StoreFilters.Recalls(filter);
        var parameters = new
        {
            filter.Source,
            Kind = filter.Kind is { } kind ? SqliteValues.Name(kind) : null,
            Status = filter.Status is { } status ? SqliteValues.Name(status) : null,
            AlertNumber = IncomingNotice.NormalizeAlertNumber(filter.AlertNumber),
            PublishedFrom = SqliteValues.Instant(filter.PublishedFrom),
            PublishedBefore = SqliteValues.Instant(filter.PublishedBefore),
            ReceivedFrom = SqliteValues.Instant(filter.ReceivedFrom),
            ReceivedBefore = SqliteValues.Instant(filter.ReceivedBefore),
            paging.Offset,
            paging.Limit,
        };

        var connection = session.Connection;
        int total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM recalls r {where};", parameters, session.Transaction).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SummaryRow>(
            $"""
            {RecallColumns},
                   (SELECT COUNT(*) FROM recall_revisions v WHERE v.recall_id = r.id) AS RevisionCount,
                   (SELECT group_concat(source, ',') FROM (
                        SELECT source FROM recall_links l WHERE l.recall_id = r.id GROUP BY source ORDER BY MIN(linked_at), source)) AS Sources
            FROM recalls r
            {where}
            ORDER BY r.published_at DESC, r.id DESC
            LIMIT @Limit OFFSET @Offset;
            """,
            parameters,
            session.Transaction).ConfigureAwait(false);

        var items = rows.Select(r => new RecallSummary(
            r.Id,
            r.AlertNumber,
            SqliteValues.ReadName<NoticeKind>(r.Kind, $"recalls row {r.Id}"),
            r.Title,
            (RecallLevels)r.RecallLevels,
            SqliteValues.ReadInstant(r.PublishedAt),
            SqliteValues.ReadName<RecallStatus>(r.Status, $"recalls row {r.Id}"),
            r.Sources?.Split(',') ?? [],
            (int)r.RevisionCount,
            SqliteValues.ReadInstant(r.UpdatedAt))
        {
            ReceivedAt = SqliteValues.ReadInstant(r.CreatedAt),
        }).ToList();
        return new RecallPage(items, total, paging);
    }
}
