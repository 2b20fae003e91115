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
                return await RecallUpsert.RunAsync(new UpsertSteps(this, session.Connection, transaction), incoming).ConfigureAwait(false);
            }
            catch (SqliteException e)
            {
                throw new StoreException(
                    $"The notice {notice.Source}/{notice.SourceId} version {notice.Version} could not be stored in '{session.Path}'; nothing of it was written: {e.Message}", e);
            }
        }, cancellationToken);
    }

    private async Task<List<RecalledProduct>> ProductsOfRevisionsAsync(string where, object parameters, SqliteTransaction? transaction)
    {
        var rows = await session.Connection.QueryAsync<ProductRow>(
            $"SELECT recall_id AS RecallId, code_scheme AS CodeScheme, code AS Code, label AS Label, selector_json AS SelectorJson FROM recall_products {where} ORDER BY revision_id, product_index;",
            parameters,
            transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToProduct()).ToList();
    }
}
