using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Core.Storage.Sqlite;

namespace RecallHub.Host.Engine;

/// <summary>
/// The one place the host opens the hub's store from its configuration: a PostgreSQL database when
/// <c>Hub:Store:PostgreSql</c> holds a connection string (a hub serving several pharmacies), else the SQLite file
/// (<c>--database</c>, one pharmacy: today's default).
/// </summary>
internal static class HubStoreOpener
{
    /// <summary>The setting holding the PostgreSQL connection string.</summary>
    public const string PostgreSqlSetting = "Hub:Store:PostgreSql";

    /// <summary>Opens (and migrates) the configured store.</summary>
    /// <param name="configuration">The hub's settings (see <see cref="HubConfiguration"/>).</param>
    /// <param name="sqlitePath">The SQLite file, used when no PostgreSQL store is configured.</param>
    /// <param name="time">The hub's clock.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="StoreException">The store cannot be opened.</exception>
    public static async Task<OpenedHubStore> OpenAsync(IConfiguration configuration, string sqlitePath, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[PostgreSqlSetting] is { Length: > 0 })
        {
            return new OpenedHubStore(await PostgreSqlRecallHubStore.OpenAsync(configuration[PostgreSqlSetting]!, time, cancellationToken).ConfigureAwait(false), $"PostgreSQL ({PostgreSqlSetting})");
        }

        var sqlite = await SqliteRecallHubStore.OpenAsync(sqlitePath, time, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new OpenedHubStore(sqlite, Path.GetFullPath(sqlitePath));
    }
}
