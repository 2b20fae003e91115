using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The per-sink outbox on SQLite: <c>outbox</c>.</summary>
internal sealed class SqliteOutboxStore(SqliteStoreSession session) : IOutboxStore
{
    private const string Columns = """
        SELECT id AS Id, sink_id AS SinkId, sequence AS Sequence, event_type AS EventType, payload_json AS PayloadJson,
               created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt,
               last_error AS LastError
        FROM outbox
        """;

    public Task<OutboxMessage> EnqueueAsync(string sinkId, string eventType, string payloadJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        string now = SqliteValues.Instant(session.Time.GetUtcNow());

        // The sequence is computed under the write lock the transaction holds, so it has no gaps and no duplicates.
        return session.WriteAsync(
            async transaction =>
            {
                try
                {
                    var row = await session.Connection.QuerySingleAsync<MessageRow>(
                        """
                        INSERT INTO outbox (sink_id, sequence, event_type, payload_json, created_at, attempts, next_attempt_at)
                        SELECT @sinkId, COALESCE(MAX(sequence), 0) + 1, @eventType, @payloadJson, @now, 0, @now FROM outbox WHERE sink_id = @sinkId
                        RETURNING id AS Id, sink_id AS SinkId, sequence AS Sequence, event_type AS EventType, payload_json AS PayloadJson,
                                  created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt,
                                  last_error AS LastError;
                        """,
                        new { sinkId, eventType, payloadJson, now },
                        transaction).ConfigureAwait(false);
                    return row.ToMessage();
                }
                catch (SqliteException e)
                {
                    throw new StoreException($"The {eventType} event for the sink '{sinkId}' could not be written to the outbox in '{session.Path}': {e.Message}", e);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> TakeDueAsync(string sinkId, int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await session.Connection.QueryAsync<MessageRow>(
            $"{Columns} WHERE sink_id = @sinkId AND delivered_at IS NULL ORDER BY sequence LIMIT @max;",
            new { sinkId, max },
            session.Transaction).ConfigureAwait(false);

        // In order: stop at the first message still waiting for its retry time, never skip it.
        string due = SqliteValues.Instant(now);
        return rows.TakeWhile(r => string.CompareOrdinal(r.NextAttemptAt, due) <= 0).Select(r => r.ToMessage()).ToList();
    }

    public Task MarkDeliveredAsync(IReadOnlyList<long> messageIds, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        string at = SqliteValues.Instant(deliveredAt);
        return UpdateAsync(
            messageIds,
            "UPDATE outbox SET delivered_at = @at WHERE id IN @messageIds AND delivered_at IS NULL;",
            new { at, messageIds },
            "marked delivered",
            cancellationToken);
    }

    public Task MarkFailedAsync(IReadOnlyList<long> messageIds, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        ArgumentNullException.ThrowIfNull(error);
        string next = SqliteValues.Instant(nextAttemptAt);
        return UpdateAsync(
            messageIds,
            "UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id IN @messageIds AND delivered_at IS NULL;",
            new { error, next, messageIds },
            "marked failed",
            cancellationToken);
    }

    public async Task<OutboxBacklog> GetBacklogAsync(string sinkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        cancellationToken.ThrowIfCancellationRequested();
        long pending = await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox WHERE sink_id = @sinkId AND delivered_at IS NULL;", new { sinkId }, session.Transaction).ConfigureAwait(false);
        var head = await session.Connection.QueryFirstOrDefaultAsync<MessageRow>(
            $"{Columns} WHERE sink_id = @sinkId AND delivered_at IS NULL ORDER BY sequence LIMIT 1;", new { sinkId }, session.Transaction).ConfigureAwait(false);
        return new OutboxBacklog(sinkId, pending, SqliteValues.ReadInstantOrNull(head?.CreatedAt), (int)(head?.Attempts ?? 0), head?.LastError);
    }

    public Task<bool> TryClaimAsync(string sinkId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);

        // Under the write lock: the lease is read and taken in one statement. An upsert whose condition fails
        // returns no row.
        return session.WriteAsync(
            async transaction => await session.Connection.QuerySingleOrDefaultAsync<string?>(
                """
                INSERT INTO outbox_leases (sink_id, holder, lease_until) VALUES (@sinkId, @holder, @until)
                ON CONFLICT (sink_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
                WHERE outbox_leases.holder IS NULL OR outbox_leases.holder = excluded.holder OR outbox_leases.lease_until <= @now
                RETURNING holder;
                """,
                new { sinkId, holder, until = SqliteValues.Instant(until), now = SqliteValues.Instant(now) },
                transaction).ConfigureAwait(false) is not null,
            cancellationToken);
    }

    public Task ReleaseAsync(string sinkId, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        return session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                "UPDATE outbox_leases SET holder = NULL, lease_until = NULL WHERE sink_id = @sinkId AND holder = @holder;", new { sinkId, holder }, transaction),
            cancellationToken);
    }

    private Task UpdateAsync(IReadOnlyList<long> messageIds, string sql, object parameters, string what, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        return session.WriteAsync(
            async transaction =>
            {
                var known = (await session.Connection.QueryAsync<long>("SELECT id FROM outbox WHERE id IN @messageIds;", new { messageIds }, transaction).ConfigureAwait(false)).ToHashSet();
                var missing = messageIds.Where(id => !known.Contains(id)).ToList();
                if (missing.Count > 0)
                {
                    throw new StoreException($"Outbox messages {string.Join(", ", missing)} do not exist in '{session.Path}'; no message was {what}.");
                }

                return await session.Connection.ExecuteAsync(sql, parameters, transaction).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>An <c>outbox</c> row.</summary>
    private sealed class MessageRow
    {
        public long Id { get; set; }

        public string SinkId { get; set; } = "";

        public long Sequence { get; set; }

        public string EventType { get; set; } = "";

        public string PayloadJson { get; set; } = "";

        public string CreatedAt { get; set; } = "";

        public long Attempts { get; set; }

        public string NextAttemptAt { get; set; } = "";

        public string? DeliveredAt { get; set; }

        public string? LastError { get; set; }

        public OutboxMessage ToMessage() => new(
            Id,
            SinkId,
            Sequence,
            EventType,
            PayloadJson,
            SqliteValues.ReadInstant(CreatedAt),
            (int)Attempts,
            SqliteValues.ReadInstant(NextAttemptAt),
            SqliteValues.ReadInstantOrNull(DeliveredAt),
            LastError);
    }
}
