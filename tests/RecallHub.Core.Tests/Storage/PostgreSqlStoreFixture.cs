using System.Globalization;
using Npgsql;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Tests.PostgreSql;

namespace RecallHub.Core.Tests.Storage;

/// <summary>A fresh database of its own on the test PostgreSQL server (<see cref="TestPostgreSqlServer"/>), dropped at the end of the test.</summary>
public sealed class PostgreSqlStoreFixture : StoreTestFixture
{
    private string? _connectionString;

    public override bool IsMultiPharmacy => true;

    /// <summary>The database's connection string; created on first use.</summary>
    public string ConnectionString => _connectionString ??= TestPostgreSqlServer.CreateDatabaseAsync().GetAwaiter().GetResult();

    public override string Location
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"the PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
    }

    protected override async Task<IRecallHubStore> OpenStoreCoreAsync() =>
        await PostgreSqlRecallHubStore.OpenAsync(ConnectionString, Clock, TestContext.Current.CancellationToken);

    public override long Scalar(string sql) => Convert.ToInt64(Run(sql, c => c.ExecuteScalar()), CultureInfo.InvariantCulture);

    public override string? Text(string sql) => Run(sql, c => c.ExecuteScalar()) as string;

    public override DateTimeOffset? Instant(string sql) =>
        Run(sql, c => c.ExecuteScalar()) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public override void Execute(string sql) => Run(sql, c => c.ExecuteNonQuery());

    public override void RefuseScansWithRawCode(string rawCode) => Execute(
        $"""
        CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.raw_code = '{rawCode}' THEN RAISE EXCEPTION 'poisoned row'; END IF;
            RETURN NEW;
        END;
        $$;
        CREATE TRIGGER refuse_poison BEFORE INSERT ON pack_scans FOR EACH ROW EXECUTE FUNCTION refuse_poison();
        """);

    /// <summary>A raw connection to the database, to look behind the store's back.</summary>
    public NpgsqlConnection RawConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        Close();
        if (_connectionString is not null)
        {
            await TestPostgreSqlServer.DropDatabaseAsync(_connectionString);
        }
    }

    private object? Run(string sql, Func<NpgsqlCommand, object?> run)
    {
        using var connection = RawConnection();
        using var command = new NpgsqlCommand(sql, connection);
        return run(command);
    }
}
