using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>A session's PostgreSQL transaction.</summary>
internal sealed class PostgreSqlStoreTransaction(PostgreSqlStoreSession session, NpgsqlTransaction transaction) : IStoreTransaction
{
    private bool _ended;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"The transaction could not be committed to {session.Where}; nothing of it was stored: {e.MessageText}", e);
        }
        finally
        {
            End();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            End();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A transaction the session already rolled back (session disposed first) has no connection any more.
        if (!_ended && transaction.Connection is not null)
        {
            try
            {
                await transaction.RollbackAsync().ConfigureAwait(false);
            }
            finally
            {
                End();
            }
        }

        await transaction.DisposeAsync().ConfigureAwait(false);
    }

    private void End()
    {
        _ended = true;
        session.EndTransaction(transaction);
    }
}
