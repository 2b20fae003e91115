using System.Globalization;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>A session on one PostgreSQL connection; its stores share the connection, its transaction and its scope.</summary>
internal sealed class PostgreSqlStoreSession : IStoreSession
{
    private NpgsqlTransaction? _transaction;
    private int _savepoints;
    private PostgreSqlRecallStore? _recalls;
    private PostgreSqlScanStore? _scans;
    private PostgreSqlCheckpointStore? _checkpoints;
    private PostgreSqlOutboxStore? _outbox;
    private PostgreSqlBlockStore? _blocks;
    private PostgreSqlAuditLog? _audit;
    private PostgreSqlPluginStateRepository? _pluginState;
    private PostgreSqlRecallFollowUpStore? _followUp;
    private PostgreSqlUserStore? _users;

    public PostgreSqlStoreSession(NpgsqlConnection connection, string where, TimeProvider time, PharmacyScope scope)
    {
        Connection = connection;
        Where = where;
        Time = time;
        Scope = scope;
    }

    public PharmacyScope Scope { get; }

    /// <summary>The session's connection.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>Which database, for messages.</summary>
    public string Where { get; }

    /// <summary>The store's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The open transaction, or <see langword="null"/>.</summary>
    public NpgsqlTransaction? Transaction => _transaction;

    /// <summary>The pharmacy a read is limited to, or <see langword="null"/> for a session for all pharmacies.</summary>
    public string? ReadPharmacy => Scope.IsAll ? null : Scope.Pharmacy;

    /// <summary>
    /// <c>AND {column} = @pharmacy</c> for a one-pharmacy session, nothing for all pharmacies; the value is
    /// <see cref="ReadPharmacy"/>, passed as <c>@pharmacy</c>.
    /// </summary>
    public string PharmacyFilter(string column = "pharmacy") => Scope.IsAll ? "" : $" AND {column} = @pharmacy";

    public IRecallStore Recalls => _recalls ??= new PostgreSqlRecallStore(this);

    public IScanStore Scans => _scans ??= new PostgreSqlScanStore(this);

    public ICheckpointStore Checkpoints => _checkpoints ??= new PostgreSqlCheckpointStore(this);

    public IOutboxStore Outbox => _outbox ??= new PostgreSqlOutboxStore(this);

    public IBlockStore Blocks => _blocks ??= new PostgreSqlBlockStore(this);

    public IAuditLog Audit => _audit ??= new PostgreSqlAuditLog(this);

    public IRecallFollowUpStore FollowUp => _followUp ??= new PostgreSqlRecallFollowUpStore(this);

    public IUserStore Users => _users ??= new PostgreSqlUserStore(this);

    public IPluginStateRepository PluginState => _pluginState ??= new PostgreSqlPluginStateRepository(this);

    public async Task<IStoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this session: commit or roll it back before beginning another.");
        }

        _transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new PostgreSqlStoreTransaction(this, _transaction);
    }

    /// <summary>Called by the transaction when it ends.</summary>
    public void EndTransaction(NpgsqlTransaction transaction)
    {
        if (ReferenceEquals(_transaction, transaction))
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// Runs a write atomically: in its own transaction when none is open, otherwise inside a savepoint of the open
    /// transaction, undone on failure so that the transaction stays usable (as SQLite's sessions do).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_transaction is { } outer)
        {
            string savepoint = "w" + (++_savepoints).ToString(CultureInfo.InvariantCulture);
            await outer.SaveAsync(savepoint, cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await work(outer).ConfigureAwait(false);
                await outer.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            catch
            {
                await outer.RollbackAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                await outer.ReleaseAsync(savepoint, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        await using var own = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var value = await work(own).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await own.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return value;
    }

    /// <summary>A store error about <paramref name="what"/>, naming the database.</summary>
    public StoreException Error(string what, PostgresException e) => new($"{what} in {Where}: {e.MessageText}", e);

    public async ValueTask DisposeAsync()
    {
        if (_transaction is { } open)
        {
            _transaction = null;
            try
            {
                await open.RollbackAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is gone, or a cancelled statement already ended the transaction: nothing to undo.
            }

            await open.DisposeAsync().ConfigureAwait(false);
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
