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
                CheckpointStatements.Set,
                new { sourceId, checkpoint, at },
                transaction),
            cancellationToken);
    }

    public async Task<bool> TryAdvanceAsync(string sourceId, string? expected, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var at = PostgreSqlValues.Instant(session.Time.GetUtcNow());
        int written = await session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                CheckpointStatements.Advance(expected),
                new { sourceId, expected, checkpoint, at },
                transaction),
            cancellationToken).ConfigureAwait(false);
        return written == 1;
    }
}
