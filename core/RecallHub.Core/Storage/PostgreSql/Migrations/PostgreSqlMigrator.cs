using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql.Migrations;

/// <summary>
/// Brings a PostgreSQL database to the schema version the code knows: applies each missing step in its own
/// transaction and records it in <c>schema_migrations</c>. A database whose version is newer than the code is refused.
/// </summary>
/// <remarks>
/// Several hosts may start together on one database: each takes a session-level advisory lock for the whole
/// migration, so one migrates while the others wait, then find every step applied.
/// </remarks>
internal static class PostgreSqlMigrator
{
    /// <summary>The advisory lock key of the migration ("RecallHb" in ASCII): any number no other code of the database uses.</summary>
    private const long LockKey = 0x52656361_6C6C4862;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    /// <summary>Applies the missing steps.</summary>
    /// <returns>The versions applied now; empty when the database was up to date.</returns>
    /// <exception cref="StoreException">The database is newer than the code, or a step failed (it is rolled back).</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlConnection connection, string where, TimeProvider time, IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        int latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var applied = new List<int>();
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey);", new { LockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(CreateTable).ConfigureAwait(false);
            int current = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;").ConfigureAwait(false);
            if (current > latest)
            {
                throw new StoreException(
                    $"{where} is at schema version {current}, newer than this version of RecallHub knows (up to {latest}). " +
                    "Run a newer RecallHub on it, or restore a backup made for this version; nothing was changed.");
            }

            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
                    await connection.ExecuteAsync(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                        new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToUniversalTime() },
                        transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    applied.Add(migration.Version);
                    current = migration.Version;
                }
                catch (PostgresException e)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    throw new StoreException(
                        $"Migration {migration.Version} ({migration.Name}) failed on {where} and was rolled back; the schema stays at version {current}: {e.Message}", e);
                }
            }

            return applied;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey);", new { LockKey }).ConfigureAwait(false);
        }
    }
}
