using System.Globalization;
using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// Recall follow-up on PostgreSQL: <c>acknowledgements</c>, <c>recall_actions</c> and <c>recall_closures</c>, each
/// pharmacy its own (a recall is closed once per pharmacy).
/// </summary>
internal sealed class PostgreSqlRecallFollowUpStore(PostgreSqlStoreSession session) : IRecallFollowUpStore
{
    public Task<long> AcknowledgeAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        string by = FreeText.Required(acknowledgement.By, "by", "the name of the person who read the recall");
        string? note = FreeText.Optional(acknowledgement.Note, "note");
        string pharmacy = session.Scope.Pharmacy;
        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(acknowledgement.RecallId, transaction).ConfigureAwait(false);
            return await session.Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO acknowledgements (pharmacy, recall_id, acknowledged_by, acknowledged_at, note) VALUES (@pharmacy, @RecallId, @by, @at, @note)
                RETURNING id;
                """,
                new { pharmacy, acknowledgement.RecallId, by, at = PostgreSqlValues.Instant(acknowledgement.At), note },
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

        string pharmacy = session.Scope.Pharmacy;
        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(action.RecallId, transaction).ConfigureAwait(false);
            return await session.Connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO recall_actions (pharmacy, recall_id, action, quantity, performed_by, performed_at, note) VALUES (@pharmacy, @RecallId, @what, @Quantity, @by, @at, @note)
                RETURNING id;
                """,
                new { pharmacy, action.RecallId, what, action.Quantity, by, at = PostgreSqlValues.Instant(action.At), note },
                transaction).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task CloseAsync(RecallClosure closure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(closure);
        string by = FreeText.Required(closure.By, "by", "the name of the person who closes the recall");
        string? note = FreeText.Optional(closure.Note, "note");
        string pharmacy = session.Scope.Pharmacy;
        return session.WriteAsync(async transaction =>
        {
            await RequireRecallAsync(closure.RecallId, transaction).ConfigureAwait(false);

            // DO NOTHING and then read: two closers at once get one closure, and the second is told who was first.
            int inserted = await session.Connection.ExecuteAsync(
                "INSERT INTO recall_closures (pharmacy, recall_id, closed_by, closed_at, note) VALUES (@pharmacy, @RecallId, @by, @at, @note) ON CONFLICT DO NOTHING;",
                new { pharmacy, closure.RecallId, by, at = PostgreSqlValues.Instant(closure.At), note },
                transaction).ConfigureAwait(false);
            if (inserted == 0)
            {
                var done = await session.Connection.QuerySingleAsync<(string By, DateTime At)>(
                    "SELECT closed_by, closed_at FROM recall_closures WHERE pharmacy = @pharmacy AND recall_id = @RecallId;", new { pharmacy, closure.RecallId }, transaction).ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"Recall {closure.RecallId} was already closed by {done.By} at {StoreValues.Instant(PostgreSqlValues.ReadInstant(done.At))}.");
            }

            return inserted;
        }, cancellationToken);
    }

    public async Task<RecallFollowUp> GetAsync(long recallId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new { recallId, pharmacy = session.ReadPharmacy };
        string filter = session.PharmacyFilter();
        var acknowledgements = await session.Connection.QueryAsync<(string By, DateTime At, string? Note)>(
            $"SELECT acknowledged_by, acknowledged_at, note FROM acknowledgements WHERE recall_id = @recallId{filter} ORDER BY id;", parameters, session.Transaction).ConfigureAwait(false);
        var actions = await session.Connection.QueryAsync<(string Action, int? Quantity, string By, DateTime At, string? Note)>(
            $"SELECT action, quantity, performed_by, performed_at, note FROM recall_actions WHERE recall_id = @recallId{filter} ORDER BY id;", parameters, session.Transaction).ConfigureAwait(false);
        var closure = await session.Connection.QueryFirstOrDefaultAsync<(string By, DateTime At, string? Note)?>(
            $"SELECT closed_by, closed_at, note FROM recall_closures WHERE recall_id = @recallId{filter} ORDER BY closed_at LIMIT 1;", parameters, session.Transaction).ConfigureAwait(false);
        return new RecallFollowUp(
            recallId,
            [.. acknowledgements.Select(a => new RecallAcknowledgement(recallId, a.By, PostgreSqlValues.ReadInstant(a.At), a.Note))],
            [.. actions.Select(a => new RecallAction(recallId, a.Action, a.Quantity, a.By, PostgreSqlValues.ReadInstant(a.At), a.Note))])
        {
            Closure = closure is { } c ? new RecallClosure(recallId, c.By, PostgreSqlValues.ReadInstant(c.At), c.Note) : null,
        };
    }

    private async Task RequireRecallAsync(long recallId, NpgsqlTransaction transaction)
    {
        long found = await session.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM recalls WHERE id = @recallId;", new { recallId }, transaction).ConfigureAwait(false);
        if (found == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There is no recall {recallId}."), nameof(recallId));
        }
    }
}
