using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>A session on one SQLite connection; its stores share the connection and its transaction.</summary>
internal sealed class SqliteStoreSession : IStoreSession
{
    private SqliteTransaction? _transaction;
    private int _savepoints;
    private SqliteRecallStore? _recalls;
    private SqliteScanStore? _scans;
    private SqliteCheckpointStore? _checkpoints;
    private SqliteOutboxStore? _outbox;
    private SqliteBlockStore? _blocks;
    private SqliteAuditLog? _audit;
    private SqlitePluginStateRepository? _pluginState;
    private SqliteRecallFollowUpStore? _followUp;
    private SqliteUserStore? _users;

    public SqliteStoreSession(SqliteConnection connection, string path, TimeProvider time, PharmacyScope scope)
    {
        Connection = connection;
        Path = path;
        Time = time;
        Scope = scope;
    }

    public PharmacyScope Scope { get; }

    /// <summary>The session's connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The database file, for messages.</summary>
    public string Path { get; }

    /// <summary>The store's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The open transaction, which every command must carry, or <see langword="null"/>.</summary>
    public SqliteTransaction? Transaction => _transaction;

    public IRecallStore Recalls => _recalls ??= new SqliteRecallStore(this);

    public IScanStore Scans => _scans ??= new SqliteScanStore(this);

    public ICheckpointStore Checkpoints => _checkpoints ??= new SqliteCheckpointStore(this);

    public IOutboxStore Outbox => _outbox ??= new SqliteOutboxStore(this);

    public IBlockStore Blocks => _blocks ??= new SqliteBlockStore(this);

    public IAuditLog Audit => _audit ??= new SqliteAuditLog(this);

    public IRecallFollowUpStore FollowUp => _followUp ??= new SqliteRecallFollowUpStore(this);

    public IUserStore Users => _users ??= new SqliteUserStore(this);

    public IPluginStateRepository PluginState => _pluginState ??= new SqlitePluginStateRepository(this);

    public Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this session: commit or roll it back before beginning another.");
        }

        // IMMEDIATE: take the write lock now (waiting up to the busy timeout) rather than failing on the first write.
        _transaction = Connection.BeginTransaction(deferred: false);
        return Task.FromResult<IStoreTransaction>(new SqliteStoreTransaction(this, _transaction));
    }

    /// <summary>Called by the transaction when it ends.</summary>
    public void EndTransaction(SqliteTransaction transaction)
    {
        if (ReferenceEquals(_transaction, transaction))
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// Runs a write atomically: in its own IMMEDIATE transaction when none is open, otherwise inside a savepoint of the
    /// open transaction, undone on failure so that the transaction stays usable.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transaction is { } outer)
        {
            string savepoint = "w" + (++_savepoints).ToString(CultureInfo.InvariantCulture);
            outer.Save(savepoint);
            try
            {
                var result = await work(outer).ConfigureAwait(false);
                outer.Release(savepoint);
                return result;
            }
            catch
            {
                outer.Rollback(savepoint);
                outer.Release(savepoint);
                throw;
            }
        }

        using var own = Connection.BeginTransaction(deferred: false);
        var value = await work(own).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        own.Commit();
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is { } open)
        {
            _transaction = null;
            open.Rollback();
            await open.DisposeAsync().ConfigureAwait(false);
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
