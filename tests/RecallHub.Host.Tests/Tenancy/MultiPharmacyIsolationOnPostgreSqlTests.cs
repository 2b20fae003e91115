using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Tests.PostgreSql;

namespace RecallHub.Host.Tests.Tenancy;

/// <summary>The isolation tests on a real PostgreSQL store: a fresh database per test, dropped afterwards.</summary>
public sealed class MultiPharmacyIsolationOnPostgreSqlTests : MultiPharmacyIsolationTests
{
    private string? _database;

    protected override async Task<IRecallHubStore> OpenMultiPharmacyStoreAsync(TimeProvider time)
    {
        _database = await TestPostgreSqlServer.CreateDatabaseAsync();
        return await PostgreSqlRecallHubStore.OpenAsync(_database, time, TestContext.Current.CancellationToken);
    }

    protected override async ValueTask ReleaseAsync()
    {
        if (_database is not null)
        {
            await TestPostgreSqlServer.DropDatabaseAsync(_database);
        }
    }
}
