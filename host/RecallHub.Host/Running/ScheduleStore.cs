using Npgsql;
using Quartz;

namespace RecallHub.Host.Running;

/// <summary>
/// Where Quartz keeps the schedules: in memory for a hub on SQLite (one host), or in the hub's PostgreSQL database,
/// clustered, when several hosts share it — so each source pull and each daily digest fires on one host only, and a
/// host that dies has its triggers taken over by another.
/// </summary>
/// <param name="PostgreSqlConnectionString">The hub's PostgreSQL store, or <see langword="null"/> for one host.</param>
internal sealed record ScheduleStore(string? PostgreSqlConnectionString)
{
    /// <summary>The configuration key of the PostgreSQL store's connection string.</summary>
    public const string PostgreSqlKey = Engine.HubStoreOpener.PostgreSqlSetting;

    // A dead host's triggers are taken over after this much silence; short enough that a morning pull is not missed.
    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(20);

    /// <summary>Whether the schedules are shared by several hosts.</summary>
    public bool IsClustered => PostgreSqlConnectionString is not null;

    /// <summary>Reads <see cref="PostgreSqlKey"/>.</summary>
    public static ScheduleStore Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? connectionString = configuration[PostgreSqlKey];
        return new ScheduleStore(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString);
    }

    /// <summary>Configures Quartz's job store accordingly.</summary>
    public void Apply(IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        // Every host keeps Quartz's default scheduler name: Quartz clusters the schedulers sharing a name and a database.
        if (PostgreSqlConnectionString is not { } connectionString)
        {
            quartz.UseInMemoryStore();
            return;
        }

        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(clustering =>
            {
                clustering.CheckinInterval = CheckinInterval;
                clustering.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });

            // Quartz creates its qrtz_ tables the first time, under a lock, so hosts starting together are safe.
            store.ProvisionSchema();
        });
    }
}
