using Dapper;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>Source checkpoints on SQLite: <c>source_checkpoints</c>.</summary>
internal sealed class SqliteCheckpointStore(SqliteStoreSession session) : ICheckpointStore
{
    public async Task<SourceCheckpoint?> GetAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        cancellationToken.ThrowIfCancellationRequested();
        var row = await session.Connection.QuerySingleOrDefaultAsync<CheckpointRow>(
            "SELECT checkpoint AS Checkpoint, updated_at AS UpdatedAt FROM source_checkpoints WHERE source_id = @sourceId;",
            new { sourceId },
            session.Transaction).ConfigureAwait(false);
        return row is null ? null : new SourceCheckpoint(sourceId, row.Checkpoint, SqliteValues.ReadInstant(row.UpdatedAt));
    }

    public Task SetAsync(string sourceId, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentNullException.ThrowIfNull(checkpoint);
        string at = SqliteValues.Instant(session.Time.GetUtcNow());
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
        string at = SqliteValues.Instant(session.Time.GetUtcNow());
        int written = await session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                CheckpointStatements.Advance(expected),
                new { sourceId, expected, checkpoint, at },
                transaction),
            cancellationToken).ConfigureAwait(false);
        return written == 1;
    }

    /// <summary>A <c>source_checkpoints</c> row.</summary>
    private sealed class CheckpointRow
    {
        public string Checkpoint { get; set; } = "";

        public string UpdatedAt { get; set; } = "";
    }
}
