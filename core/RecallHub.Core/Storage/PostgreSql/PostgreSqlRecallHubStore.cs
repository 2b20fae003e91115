using System.Net.Sockets;
using Npgsql;
using RecallHub.Core.Storage.PostgreSql.Migrations;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>
/// The store on a PostgreSQL database, for a hub serving several pharmacies and for several hosts on one database.
/// <see cref="OpenAsync"/> applies the schema migrations before the store is handed out.
/// </summary>
/// <remarks>
/// Every per-pharmacy row carries its pharmacy (see <see cref="PharmacyScope"/>); a session for
/// <see cref="PharmacyScope.Single"/> is the pharmacy <c>""</c>. Writers do not take one global lock as SQLite does:
/// what SQLite gets from it is taken where it matters — the sink's counter row for outbox sequences, an advisory lock
/// per pharmacy for the audit chain, one for notice upserts.
/// </remarks>
public sealed class PostgreSqlRecallHubStore : IRecallHubStore, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    private PostgreSqlRecallHubStore(NpgsqlDataSource dataSource, string where, TimeProvider time, IReadOnlyList<int> appliedMigrations)
    {
        _dataSource = dataSource;
        Where = where;
        _time = time;
        AppliedMigrations = appliedMigrations;
    }

    /// <summary>Which database, for messages: its name, host and port, never the password.</summary>
    public string Where { get; }

    /// <summary>The schema versions applied when the store was opened; empty when the database was up to date.</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The schema version this code leads to.</summary>
    public static int SchemaVersion => PostgreSqlMigrations.Latest;

    /// <inheritdoc />
    public bool IsMultiPharmacy => true;

    /// <summary>Connects to the database and brings its schema up to date.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</param>
    /// <param name="time">The clock for the times the store records itself (migrations, outbox, checkpoints).</param>
    /// <param name="cancellationToken">Cancels the connection or between migrations.</param>
    /// <exception cref="StoreException">
    /// The connection string is not valid, the server cannot be reached or refuses the login (the message names the
    /// host and the database, never the password), the schema is newer than this code, or a migration failed.
    /// </exception>
    public static Task<PostgreSqlRecallHubStore> OpenAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenWithMigrationsAsync(connectionString, time, PostgreSqlMigrations.All, cancellationToken);

    /// <summary>Opens the store with a given list of migrations (tests).</summary>
    internal static async Task<PostgreSqlRecallHubStore> OpenWithMigrationsAsync(
        string connectionString, TimeProvider time, IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The message of a bad connection string may quote it: say only what kind of problem it is.
            throw new StoreException($"The PostgreSQL connection string is not valid ({e.GetType().Name}); expected Host=…;Database=…;Username=…;Password=….", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException("The PostgreSQL connection string names no host (Host=…).");
        }

        string where = Describe(builder);
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        try
        {
            await using var connection = await OpenConnectionAsync(dataSource, where, cancellationToken).ConfigureAwait(false);
            var applied = await PostgreSqlMigrator.MigrateAsync(connection, where, time, migrations, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlRecallHubStore(dataSource, where, time, applied);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IStoreSession> OpenSessionAsync(PharmacyScope scope, CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(_dataSource, Where, cancellationToken).ConfigureAwait(false);
        return new PostgreSqlStoreSession(connection, Where, _time, scope);
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource dataSource, string where, CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StoreException($"Cannot connect to {where}: {e.Message}", e);
        }
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"the PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
}
