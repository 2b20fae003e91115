using Dapper;
using Npgsql;

namespace RecallHub.Core.Storage.PostgreSql;

/// <summary>The plugins' key/value state on PostgreSQL: <c>plugin_state</c>, shared by every pharmacy.</summary>
internal sealed class PostgreSqlPluginStateRepository(PostgreSqlStoreSession session) : IPluginStateRepository
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
        var at = PostgreSqlValues.Instant(session.Time.GetUtcNow());
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
                catch (PostgresException e)
                {
                    throw session.Error($"The state '{key}' of the plugin '{pluginId}' could not be written", e);
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
