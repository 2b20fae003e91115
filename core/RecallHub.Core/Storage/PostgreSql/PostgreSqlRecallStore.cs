using Dapper;
using Npgsql;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// Recalls on PostgreSQL: <c>recalls</c>, <c>recall_links</c>, <c>recall_revisions</c>, <c>recall_products</c>,
/// <c>recall_lots</c>, shared by every pharmacy.
/// </summary>
internal sealed partial class PostgreSqlRecallStore(PostgreSqlStoreSession session) : IRecallStore
{
    /// <summary>The advisory lock key notice upserts take ("Notices!" in ASCII).</summary>
    private const long UpsertLockKey = 0x4E6F7469_63657321;

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
                // Upserts take turns across hosts until their transaction ends, as SQLite's writers do: the same notice
                // pulled by two hosts at once is stored once, and a notice that should link to another one that is
                // being stored sees it. Notices come in pages a few times an hour; the wait is short.
                await session.Connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@UpsertLockKey);", new { UpsertLockKey }, transaction).ConfigureAwait(false);
                return await RecallUpsert.RunAsync(new UpsertSteps(this, session.Connection, transaction), incoming).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw session.Error($"The notice {notice.Source}/{notice.SourceId} version {notice.Version} could not be stored; nothing of it was written", e);
            }
        }, cancellationToken);
    }

    private async Task<List<RecalledProduct>> ProductsOfRevisionsAsync(string where, object parameters, NpgsqlTransaction? transaction)
    {
        var rows = await session.Connection.QueryAsync<PostgreSqlActiveRow>(
            $"SELECT recall_id AS RecallId, code_scheme AS CodeScheme, code AS Code, label AS Label, selector_json::text AS SelectorJson FROM recall_products {where} ORDER BY revision_id, product_index;",
            parameters,
            transaction).ConfigureAwait(false);
        return rows.Select(r => r.ToProduct()!).ToList();
    }
}
