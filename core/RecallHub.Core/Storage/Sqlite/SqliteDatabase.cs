using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>
/// Opens connections to one SQLite database file, configured for the hub: WAL journal, foreign keys enforced, a busy
/// timeout so that concurrent writers wait for each other instead of failing, and the chosen
/// <see cref="SqliteDurability"/>. The file and its folder are created when missing.
/// </summary>
/// <remarks>
/// <para>
/// What "acknowledged" means: a write is acknowledged when its transaction's <c>COMMIT</c> has returned. With
/// <c>journal_mode=WAL</c> and <c>synchronous=NORMAL</c> the commit has then written the transaction's pages to the
/// <c>-wal</c> file through the operating system, which keeps them even if this process is killed (SIGKILL) the next
/// instant; the next open replays the WAL. So "every acknowledged scan survives SIGKILL" holds with NORMAL, and FULL is
/// only needed to also survive an OS crash or power cut (<see cref="SqliteDurability.Full"/>).
/// </para>
/// <para>Thread-safe: each call to <see cref="OpenConnectionAsync"/> returns a new (pooled) connection.</para>
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>Prepares connections to <paramref name="path"/>; creates its folder when missing.</summary>
    /// <param name="path">The database file; created on first open when missing.</param>
    /// <param name="durability">How commits are flushed; <see cref="SqliteDurability.Normal"/> by default.</param>
    /// <param name="busyTimeout">How long a writer waits for another one; 30 seconds by default.</param>
    /// <exception cref="StoreException">The folder cannot be created.</exception>
    public SqliteDatabase(string path, SqliteDurability durability = SqliteDurability.Normal, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Durability = durability;
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot create the folder '{folder}' for the database '{Path}': {e.Message}", e);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
        }.ToString();

        // Per-connection settings: applied on every open because pooled connections may be reused by anyone. The page
        // cache (64 MiB at most, grown only as used) keeps the scan indexes in memory during bulk imports; with the
        // 2 MiB default, a 200 000-scan batch spills pages and runs at half the speed.
        string synchronous = durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous}; PRAGMA cache_size = -65536;");
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>How commits are flushed.</summary>
    public SqliteDurability Durability { get; }

    /// <summary>Opens a configured connection; the first open of a new file creates it and switches it to WAL.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="StoreException">The file cannot be opened or is not a SQLite database.</exception>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var command = connection.CreateCommand())
            {
                // journal_mode is stored in the file: this is a no-op once the file is in WAL mode.
                command.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StoreException($"The database '{Path}' could not be switched to WAL mode (journal_mode is '{mode}').");
                }

                command.CommandText = _pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open the database '{Path}': {e.Message}", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections so that the file is released.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
