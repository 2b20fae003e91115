using Dapper;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>Source checkpoints on PostgreSQL: <c>source_checkpoints</c>, shared by every pharmacy.</summary>
internal sealed class PostgreSqlCheckpointStore(PostgreSqlStoreSession session) : ICheckpointStore
{
    public async Task<SourceCheckpoint?> GetAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<(string Checkpoint, DateTime UpdatedAt)?>(
            "SELECT checkpoint, updated_at FROM source_checkpoints WHERE source_id = @sourceId;", new { sourceId }, session.Transaction).ConfigureAwait(false);
        return row is { } r ? new SourceCheckpoint(sourceId, r.Checkpoint, PostgreSqlValues.ReadInstant(r.UpdatedAt)) : null;
    }

    public Task SetAsync(string sourceId, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var at = PostgreSqlValues.Instant(session.Time.GetUtcNow());
        return session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                """
                INSERT INTO source_checkpoints (source_id, checkpoint, updated_at) VALUES (@sourceId, @checkpoint, @at)
                ON CONFLICT (source_id) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at;
                """,
                new { sourceId, checkpoint, at },
                transaction),
            cancellationToken);
    }

    // Under READ COMMITTED a racing host's UPDATE waits for the first commit, then re-reads the row and matches nothing.
    public async Task<bool> TryAdvanceAsync(string sourceId, string? expected, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var at = PostgreSqlValues.Instant(session.Time.GetUtcNow());
        int written = await session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                expected is null
                    ? "INSERT INTO source_checkpoints (source_id, checkpoint, updated_at) VALUES (@sourceId, @checkpoint, @at) ON CONFLICT (source_id) DO NOTHING;"
                    : "UPDATE source_checkpoints SET checkpoint = @checkpoint, updated_at = @at WHERE source_id = @sourceId AND checkpoint = @expected;",
                new { sourceId, expected, checkpoint, at },
                transaction),
            cancellationToken).ConfigureAwait(false);
        return written == 1;
    }
}
