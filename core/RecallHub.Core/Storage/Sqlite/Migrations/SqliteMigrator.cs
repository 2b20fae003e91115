using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Brings a database to the schema version the code knows: applies each missing step in its own transaction and
/// records it in <c>schema_migrations</c>. Running it again applies nothing. A database whose version is newer than
/// the code is refused, since this code could damage data it does not understand.
/// </summary>
internal static class SqliteMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """;

    /// <summary>Applies the missing steps.</summary>
    /// <param name="database">The database.</param>
    /// <param name="time">Gives <c>applied_at</c>.</param>
    /// <param name="migrations">The steps, in version order; <see cref="SqliteMigrations.All"/> by default.</param>
    /// <param name="cancellationToken">Cancels between steps.</param>
    /// <returns>The versions applied now; empty when the database was up to date.</returns>
    /// <exception cref="StoreException">The database is newer than the code, or a step failed (it is rolled back).</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        SqliteDatabase database, TimeProvider time, IReadOnlyList<SqliteMigration>? migrations = null, CancellationToken cancellationToken = default)
    {
        migrations ??= SqliteMigrations.All;
        int latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var applied = new List<int>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(CreateTable).ConfigureAwait(false);

        foreach (var migration in migrations)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Only outside a transaction does this pragma take effect; the connection goes back to the pool with it on.
            if (migration.ForeignKeysOff)
            {
                await connection.ExecuteAsync("PRAGMA foreign_keys = OFF;").ConfigureAwait(false);
            }

            try
            {
                if (await ApplyAsync(database, connection, migration, latest, time).ConfigureAwait(false))
                {
                    applied.Add(migration.Version);
                }
            }
            finally
            {
                if (migration.ForeignKeysOff)
                {
                    await connection.ExecuteAsync("PRAGMA foreign_keys = ON;").ConfigureAwait(false);
                }
            }
        }

        // The loop checks before each step; with no step at all, still refuse a database from the future.
        if (migrations.Count == 0 && await CurrentVersionAsync(connection, null).ConfigureAwait(false) is var version && version > latest)
        {
            throw TooNew(database, version, latest);
        }

        return applied;
    }

    // Applies one step unless it is already there; false when it was.
    private static async Task<bool> ApplyAsync(SqliteDatabase database, SqliteConnection connection, SqliteMigration migration, int latest, TimeProvider time)
    {
        // BEGIN IMMEDIATE: two processes starting together apply each step once; the second one sees it done.
        using var transaction = connection.BeginTransaction(deferred: false);
        int current = await CurrentVersionAsync(connection, transaction).ConfigureAwait(false);
        if (current > latest)
        {
            throw TooNew(database, current, latest);
        }

        if (migration.Version <= current)
        {
            return false;
        }

        string failure = $"Migration {migration.Version} ({migration.Name}) failed on the database '{database.Path}' and was rolled back; the schema stays at version {current}";
        try
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
            if (migration.Then is { } then)
            {
                await then(connection, transaction).ConfigureAwait(false);
            }

            if (migration.ForeignKeysOff)
            {
                var broken = (await connection.QueryAsync<BrokenReference>(
                    "SELECT \"table\" AS \"Table\", rowid AS RowId, parent AS Parent FROM pragma_foreign_key_check;", transaction: transaction).ConfigureAwait(false)).ToList();
                if (broken.Count > 0)
                {
                    transaction.Rollback();
                    string which = string.Join(", ", broken.Take(5).Select(b => $"{b.Table} row {b.RowId} → {b.Parent}"));
                    throw new StoreException($"{failure}: it would leave {broken.Count} broken reference(s) ({which}{(broken.Count > 5 ? ", …" : "")}).");
                }
            }

            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { migration.Version, migration.Name, AppliedAt = SqliteValues.Instant(time.GetUtcNow()) },
                transaction).ConfigureAwait(false);
            transaction.Commit();
            return true;
        }
        catch (SqliteException e)
        {
            transaction.Rollback();
            throw new StoreException($"{failure}: {e.Message}", e);
        }
    }

    private static StoreException TooNew(SqliteDatabase database, int current, int latest) => new(
        $"The database '{database.Path}' is at schema version {current}, newer than this version of RecallHub knows " +
        $"(up to {latest}). Run a newer RecallHub on it, or restore a backup made for this version; nothing was changed.");

    /// <summary>The highest version recorded in <c>schema_migrations</c>, 0 for a new database.</summary>
    public static Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction? transaction) =>
        connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", transaction: transaction);

    /// <summary>A row of <c>PRAGMA foreign_key_check</c>.</summary>
    private sealed class BrokenReference
    {
        public string Table { get; set; } = "";

        public long? RowId { get; set; }

        public string Parent { get; set; } = "";
    }
}
