using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>The per-sink outbox on PostgreSQL: <c>outbox</c>, with each sink's counter in <c>outbox_sinks</c> and its delivery lease in <c>outbox_leases</c>.</summary>
internal sealed class PostgreSqlOutboxStore(PostgreSqlStoreSession session) : IOutboxStore
{
    private const string Returned = """
        id AS Id, sink_id AS SinkId, sequence AS Sequence, event_type AS EventType, payload_json AS PayloadJson,
        created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt, last_error AS LastError
        """;

    public Task<OutboxMessage> EnqueueAsync(string sinkId, string eventType, string payloadJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        var now = PostgreSqlValues.Instant(session.Time.GetUtcNow());

        // The sink's counter row stays locked until the enqueuing transaction ends: a concurrent enqueuer of the same
        // sink waits for it, then counts on; a rollback gives the number back. Sequences have no gaps, no duplicates.
        return session.WriteAsync(
            async transaction =>
            {
                try
                {
                    var row = await session.Connection.QuerySingleAsync<MessageRow>(
                        $"""
                        WITH counter AS (
                            INSERT INTO outbox_sinks (sink_id, last_sequence) VALUES (@sinkId, 1)
                            ON CONFLICT (sink_id) DO UPDATE SET last_sequence = outbox_sinks.last_sequence + 1
                            RETURNING last_sequence)
                        INSERT INTO outbox (sink_id, sequence, event_type, payload_json, created_at, attempts, next_attempt_at)
                        SELECT @sinkId, last_sequence, @eventType, @payloadJson, @now, 0, @now FROM counter
                        RETURNING {Returned};
                        """,
                        new { sinkId, eventType, payloadJson, now },
                        transaction).ConfigureAwait(false);
                    return row.ToMessage();
                }
                catch (PostgresException e)
                {
                    throw session.Error($"The {eventType} event for the sink '{sinkId}' could not be written to the outbox", e);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> TakeDueAsync(string sinkId, int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        cancellationToken.ThrowIfCancellationRequested();

        // Inside a transaction, the rows taken stay locked until it ends, and rows another delivery holds are passed
        // over rather than waited for.
        string locking = session.Transaction is null ? "" : " FOR UPDATE SKIP LOCKED";
        var rows = await session.Connection.QueryAsync<MessageRow>(
            $"SELECT {Returned} FROM outbox WHERE sink_id = @sinkId AND delivered_at IS NULL ORDER BY sequence LIMIT @max{locking};",
            new { sinkId, max },
            session.Transaction).ConfigureAwait(false);

        // In order: stop at the first message still waiting for its retry time, never skip it.
        var due = PostgreSqlValues.Instant(now);
        return rows.Select(r => r.ToMessage()).TakeWhile(m => m.NextAttemptAt <= due).ToList();
    }

    public Task MarkDeliveredAsync(IReadOnlyList<long> messageIds, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var at = PostgreSqlValues.Instant(deliveredAt);
        return UpdateAsync(
            messageIds,
            "UPDATE outbox SET delivered_at = @at WHERE id = ANY(@ids) AND delivered_at IS NULL;",
            new { at, ids = messageIds.ToArray() },
            "marked delivered",
            cancellationToken);
    }

    public Task MarkFailedAsync(IReadOnlyList<long> messageIds, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        ArgumentNullException.ThrowIfNull(error);
        var next = PostgreSqlValues.Instant(nextAttemptAt);
        return UpdateAsync(
            messageIds,
            "UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = ANY(@ids) AND delivered_at IS NULL;",
            new { error, next, ids = messageIds.ToArray() },
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
            $"SELECT {Returned} FROM outbox WHERE sink_id = @sinkId AND delivered_at IS NULL ORDER BY sequence LIMIT 1;", new { sinkId }, session.Transaction).ConfigureAwait(false);
        return new OutboxBacklog(sinkId, pending, head is null ? null : PostgreSqlValues.ReadInstant(head.CreatedAt), head?.Attempts ?? 0, head?.LastError);
    }

    public Task<bool> TryClaimAsync(string sinkId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sinkId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var parameters = new { sinkId, holder, until = PostgreSqlValues.Instant(until), now = PostgreSqlValues.Instant(now) };
        return session.WriteAsync(
            async transaction =>
            {
                var connection = session.Connection;

                // SKIP LOCKED: a host claiming at the same moment holds the row; this one answers "no" at once.
                var lease = await connection.QuerySingleOrDefaultAsync<(string? Holder, DateTime? Until)?>(
                    "SELECT holder, lease_until FROM outbox_leases WHERE sink_id = @sinkId FOR UPDATE SKIP LOCKED;", parameters, transaction).ConfigureAwait(false);
                if (lease is null)
                {
                    // No row, or a row locked by another claimer: only the first kind can be inserted.
                    return await connection.ExecuteAsync(
                        "INSERT INTO outbox_leases (sink_id, holder, lease_until) VALUES (@sinkId, @holder, @until) ON CONFLICT (sink_id) DO NOTHING;",
                        parameters,
                        transaction).ConfigureAwait(false) == 1;
                }

                if (lease.Value.Holder is { } current && current != holder && PostgreSqlValues.ReadInstant(lease.Value.Until) > parameters.now)
                {
                    return false;
                }

                await connection.ExecuteAsync(
                    "UPDATE outbox_leases SET holder = @holder, lease_until = @until WHERE sink_id = @sinkId;", parameters, transaction).ConfigureAwait(false);
                return true;
            },
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
                var known = (await session.Connection.QueryAsync<long>(
                    "SELECT id FROM outbox WHERE id = ANY(@ids);", new { ids = messageIds.ToArray() }, transaction).ConfigureAwait(false)).ToHashSet();
                var missing = messageIds.Where(id => !known.Contains(id)).ToList();
                if (missing.Count > 0)
                {
                    throw new StoreException($"Outbox messages {string.Join(", ", missing)} do not exist in {session.Where}; no message was {what}.");
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

        public DateTime CreatedAt { get; set; }

        public int Attempts { get; set; }

        public DateTime NextAttemptAt { get; set; }

        public DateTime? DeliveredAt { get; set; }

        public string? LastError { get; set; }

        public OutboxMessage ToMessage() => new(
            Id,
            SinkId,
            Sequence,
            EventType,
            PayloadJson,
            PostgreSqlValues.ReadInstant(CreatedAt),
            Attempts,
            PostgreSqlValues.ReadInstant(NextAttemptAt),
            PostgreSqlValues.ReadInstant(DeliveredAt),
            LastError);
    }
}
