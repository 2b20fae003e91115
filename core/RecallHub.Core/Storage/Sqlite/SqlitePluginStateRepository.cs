using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The plugins' key/value state on SQLite: <c>plugin_state</c>, keyed by plugin and key.</summary>
internal sealed class SqlitePluginStateRepository(SqliteStoreSession session) : IPluginStateRepository
{
    /// <summary>The longest key, in characters.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The largest value, in bytes of UTF-8 (64 KiB).</summary>
    public const int MaxValueBytes = 64 * 1024;

    public async Task<string?> GetAsync(string pluginId, string key, CancellationToken cancellationToken = default)
    {
        CheckKey(pluginId, key);
        cancellationToken.ThrowIfCancellationRequested();
        return await session.Connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT value FROM plugin_state WHERE plugin_id = @pluginId AND key = @key;", new { pluginId, key }, session.Transaction).ConfigureAwait(false);
    }

    public Task SetAsync(string pluginId, string key, string value, CancellationToken cancellationToken = default)
    {
        CheckKey(pluginId, key);
        ArgumentNullException.ThrowIfNull(value);
        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > MaxValueBytes)
        {
            throw new ArgumentException(
                $"The value of '{key}' for the plugin '{pluginId}' is {bytes} bytes (UTF-8); the limit is {MaxValueBytes} bytes (64 KiB). Keep large data elsewhere.",
                nameof(value));
        }

        string at = SqliteValues.Instant(session.Time.GetUtcNow());
        return session.WriteAsync(
            async transaction =>
            {
                try
                {
                    return await session.Connection.ExecuteAsync(
                        """
                        INSERT INTO plugin_state (plugin_id, key, value, updated_at) VALUES (@pluginId, @key, @value, @at)
                        ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
                        """,
                        new { pluginId, key, value, at },
                        transaction).ConfigureAwait(false);
                }
                catch (SqliteException e)
                {
                    throw new StoreException($"The state '{key}' of the plugin '{pluginId}' could not be written to '{session.Path}': {e.Message}", e);
                }
            },
            cancellationToken);
    }

    public Task RemoveAsync(string pluginId, string key, CancellationToken cancellationToken = default)
    {
        CheckKey(pluginId, key);
        return session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                "DELETE FROM plugin_state WHERE plugin_id = @pluginId AND key = @key;", new { pluginId, key }, transaction),
            cancellationToken);
    }

    // The same limits on every call: a key too long to be set is a caller's bug, not a missing value.
    private static void CheckKey(string pluginId, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The key '{key[..20]}…' of the plugin '{pluginId}' is {key.Length} characters long; the limit is {MaxKeyLength} characters.", nameof(key));
        }
    }
}
