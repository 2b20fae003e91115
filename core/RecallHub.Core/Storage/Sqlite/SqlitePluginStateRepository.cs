using Dapper;
using Microsoft.Data.Sqlite;

namespace RecallHub.Core.Storage.Sqlite;

/// <summary>The plugins' key/value state on SQLite: <c>plugin_state</c>, keyed by plugin and key.</summary>
internal sealed class SqlitePluginStateRepository(SqliteStoreSession session) : IPluginStateRepository
{
    public async Task<string?> GetAsync(string pluginId, string key, CancellationToken cancellationToken = default)
    {
        PluginStateLimits.CheckKey(pluginId, key);
        cancellationToken.ThrowIfCancellationRequested();
        return await session.Connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT value FROM plugin_state WHERE plugin_id = @pluginId AND key = @key;", new { pluginId, key }, session.Transaction).ConfigureAwait(false);
    }

    public Task SetAsync(string pluginId, string key, string value, CancellationToken cancellationToken = default)
    {
        PluginStateLimits.CheckValue(pluginId, key, value);

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
        PluginStateLimits.CheckKey(pluginId, key);
        return session.WriteAsync(
            transaction => session.Connection.ExecuteAsync(
                "DELETE FROM plugin_state WHERE plugin_id = @pluginId AND key = @key;", new { pluginId, key }, transaction),
            cancellationToken);
    }
}
