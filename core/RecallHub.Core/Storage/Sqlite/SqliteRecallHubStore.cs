using RecallHub.Core.Storage.Sqlite.Migrations;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>
/// The store on one SQLite file (WAL, see <see cref="SqliteDatabase"/>). <see cref="OpenAsync"/> creates the file when
/// missing and applies the schema migrations before the store is handed out.
/// </summary>
public sealed class SqliteRecallHubStore : IRecallHubStore, IDisposable
{
    private readonly TimeProvider _time;

    private SqliteRecallHubStore(SqliteDatabase database, TimeProvider time, IReadOnlyList<int> appliedMigrations)
    {
        Database = database;
        _time = time;
        AppliedMigrations = appliedMigrations;
    }

    /// <summary>The database file.</summary>
    public SqliteDatabase Database { get; }

    /// <summary>The schema versions applied when the store was opened; empty when the file was up to date.</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The schema version this code leads to.</summary>
    public static int SchemaVersion => SqliteMigrations.Latest;

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">The clock for the times the store records itself (migrations, outbox, checkpoints).</param>
    /// <param name="durability">How commits are flushed; <see cref="SqliteDurability.Normal"/> survives a killed process.</param>
    /// <param name="cancellationToken">Cancels between migrations.</param>
    /// <exception cref="StoreException">
    /// The file cannot be opened, its schema is newer than this code, or a migration failed (the message names the file
    /// and the migration).
    /// </exception>
    public static Task<SqliteRecallHubStore> OpenAsync(
        string path, TimeProvider time, SqliteDurability durability = SqliteDurability.Normal, CancellationToken cancellationToken = default) =>
        OpenWithMigrationsAsync(path, time, durability, SqliteMigrations.All, cancellationToken);

    /// <summary>Opens the store with a given list of migrations (tests).</summary>
    internal static async Task<SqliteRecallHubStore> OpenWithMigrationsAsync(
        string path, TimeProvider time, SqliteDurability durability, IReadOnlyList<SqliteMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = new SqliteDatabase(path, durability);
        try
        {
            var applied = await SqliteMigrator.MigrateAsync(database, time, migrations, cancellationToken).ConfigureAwait(false);
            return new SqliteRecallHubStore(database, time, applied);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>One SQLite file keeps one pharmacy: <see cref="PharmacyScope.All"/> is that pharmacy too.</remarks>
    public bool IsMultiPharmacy => false;

    /// <summary>Opens a session for the file's pharmacy.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    public Task<IStoreSession> OpenSessionAsync(CancellationToken cancellationToken = default) =>
        OpenSessionAsync(PharmacyScope.Single, cancellationToken);

    /// <inheritdoc />
    public async Task<IStoreSession> OpenSessionAsync(PharmacyScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.IsSingle && !scope.IsAll)
        {
            throw new StoreException(
                $"The SQLite store {Database.Path} keeps one pharmacy's data and cannot open a session for {scope}: " +
                "serve several pharmacies from a PostgreSQL store (Hub:Store:PostgreSql).");
        }

        var connection = await Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteStoreSession(connection, Database.Path, _time, scope);
    }

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose() => Database.Dispose();
}
