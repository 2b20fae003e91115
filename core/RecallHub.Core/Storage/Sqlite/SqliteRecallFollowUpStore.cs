using Dapper;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Recall follow-up on SQLite: <c>acknowledgements</c>, <c>recall_actions</c> and <c>recall_closures</c>.</summary>
internal sealed class SqliteRecallFollowUpStore(SqliteStoreSession session) : IRecallFollowUpStore
{
    public Task<long> AcknowledgeAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        string by = FreeText.Required(acknowledgement.By, "by", "the name of the person who read the recall");
        string? note = FreeText.Optional(acknowledgement.Note, "note");
        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(acknowledgement.RecallId, transaction).ConfigureAwait(false);
            return await session.Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO acknowledgements (recall_id, acknowledged_by, acknowledged_at, note) VALUES (@RecallId, @by, @at, @note)
                RETURNING id;
                """,
                new { acknowledgement.RecallId, by, at = SqliteValues.Instant(acknowledgement.At), note },
                transaction).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<long> RecordActionAsync(RecallAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        string what = FreeText.Required(action.Action, "action", "what was done");
        string by = FreeText.Required(action.By, "by", "the name of the person who did it");
        string? note = FreeText.Optional(action.Note, "note");
        if (action.Quantity is < 0)
        {
            throw new ArgumentException($"'quantity' is {action.Quantity}; a quantity of packs cannot be negative.", nameof(action));
        }

        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(action.RecallId, transaction).ConfigureAwait(false);
            return await session.Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recall_actions (recall_id, action, quantity, performed_by, performed_at, note) VALUES (@RecallId, @what, @Quantity, @by, @at, @note)
                RETURNING id;
                """,
                new { action.RecallId, what, action.Quantity, by, at = SqliteValues.Instant(action.At), note },
                transaction).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task CloseAsync(RecallClosure closure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(closure);
        string by = FreeText.Required(closure.By, "by", "the name of the person who closes the recall");
        string? note = FreeText.Optional(closure.Note, "note");
        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(closure.RecallId, transaction).ConfigureAwait(false);
            var existing = await session.Connection.QuerySingleOrDefaultAsync<(string By, string At)?>(
                "SELECT closed_by, closed_at FROM recall_closures WHERE recall_id = @RecallId;", new { closure.RecallId }, transaction).ConfigureAwait(false);
            if (existing is { } done)
            {
                throw new InvalidOperationException($"Recall {closure.RecallId} was already closed by {done.By} at {done.At}.");
            }

            return await session.Connection.ExecuteAsync(
                "INSERT INTO recall_closures (recall_id, closed_by, closed_at, note) VALUES (@RecallId, @by, @at, @note);",
                new { closure.RecallId, by, at = SqliteValues.Instant(closure.At), note },
                transaction).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<RecallFollowUp> GetAsync(long recallId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var acknowledgements = await session.Connection.QueryAsync<(string By, string At, string? Note)>(
            "SELECT acknowledged_by, acknowledged_at, note FROM acknowledgements WHERE recall_id = @recallId ORDER BY id;",
            new { recallId },
            session.Transaction).ConfigureAwait(false);
        var actions = await session.Connection.QueryAsync<(string Action, long? Quantity, string By, string At, string? Note)>(
            "SELECT action, quantity, performed_by, performed_at, note FROM recall_actions WHERE recall_id = @recallId ORDER BY id;",
            new { recallId },
            session.Transaction).ConfigureAwait(false);
        var closure = await session.Connection.QuerySingleOrDefaultAsync<(string By, string At, string? Note)?>(
            "SELECT closed_by, closed_at, note FROM recall_closures WHERE recall_id = @recallId;",
            new { recallId },
            session.Transaction).ConfigureAwait(false);
        return new RecallFollowUp(
            recallId,
            [.. acknowledgements.Select(a => new RecallAcknowledgement(recallId, a.By, SqliteValues.ReadInstant(a.At), a.Note))],
            [.. actions.Select(a => new RecallAction(recallId, a.Action, a.Quantity is { } q ? checked((int)q) : null, a.By, SqliteValues.ReadInstant(a.At), a.Note))])
        {
            Closure = closure is { } c ? new RecallClosure(recallId, c.By, SqliteValues.ReadInstant(c.At), c.Note) : null,
        };
    }

    private async Task RequireRecallAsync(long recallId, Microsoft.Data.Sqlite.SqliteTransaction transaction)
    {
        long found = await session.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM recalls WHERE id = @recallId;", new { recallId }, transaction).ConfigureAwait(false);
        if (found == 0)
        {
            throw new ArgumentException($"There is no recall {recallId}.", nameof(recallId));
        }
    }
}
