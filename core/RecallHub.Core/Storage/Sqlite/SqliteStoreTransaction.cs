using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>A session's SQLite transaction.</summary>
internal sealed class SqliteStoreTransaction(SqliteStoreSession session, SqliteTransaction transaction) : IStoreTransaction
{
    private bool _ended;

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new StoreException($"The transaction could not be committed to '{session.Path}'; nothing of it was stored: {e.Message}", e);
        }
        finally
        {
            End();
        }

        return Task.CompletedTask;
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        try
        {
            transaction.Rollback();
        }
        finally
        {
            End();
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // A transaction the session already rolled back (session disposed first) has no connection any more.
        if (!_ended && transaction.Connection is not null)
        {
            try
            {
                transaction.Rollback();
            }
            finally
            {
                End();
            }
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
    }

    private void EnsureOpen() => ObjectDisposedException.ThrowIf(_ended, this);

    private void End()
    {
        _ended = true;
        session.EndTransaction(transaction);
    }
}
