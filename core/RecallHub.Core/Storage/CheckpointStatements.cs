namespace RecallHub.Core.Storage;

/// <summary>The statements of <see cref="ICheckpointStore"/>: the same SQL on SQLite and PostgreSQL.</summary>
internal static class CheckpointStatements
{
    public const string Set = """
        INSERT INTO source_checkpoints (source_id, checkpoint, updated_at) VALUES (@sourceId, @checkpoint, @at)
        ON CONFLICT (source_id) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at;
        """;

    // The first advance of a source: a racing host's insert makes it write nothing.
    public const string AdvanceFromNone =
        "INSERT INTO source_checkpoints (source_id, checkpoint, updated_at) VALUES (@sourceId, @checkpoint, @at) ON CONFLICT (source_id) DO NOTHING;";

    // On PostgreSQL a racing host's UPDATE waits for the first commit, then re-reads the row and matches nothing.
    public const string AdvanceFrom =
        "UPDATE source_checkpoints SET checkpoint = @checkpoint, updated_at = @at WHERE source_id = @sourceId AND checkpoint = @expected;";

    /// <summary>The statement advancing from <paramref name="expected"/>.</summary>
    public static string Advance(string? expected) => expected is null ? AdvanceFromNone : AdvanceFrom;
}
