using Microsoft.Data.Sqlite;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Core.Storage.Sqlite.Migrations;

namespace RecallHub.Core.Tests.Storage;

public sealed class MigrationTests : IAsyncDisposable
{
    private readonly StoreFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Opening_a_new_file_creates_its_folder_the_schema_and_records_the_version()
    {
        var store = await _fixture.OpenAsync();

        Assert.True(File.Exists(_fixture.DatabasePath));
        Assert.Equal([1], store.AppliedMigrations);
        foreach (string table in new[]
        {
            "recalls", "recall_links", "recall_revisions", "recall_products", "recall_lots", "pack_scans", "pack_states",
            "stock_blocks", "acknowledgements", "recall_actions", "audit_log", "outbox", "source_checkpoints",
        })
        {
            Assert.Equal(1, _fixture.Scalar($"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '{table}'"));
        }

        foreach (string index in new[] { "ix_pack_scans_product_lot", "ix_pack_scans_product_serial", "ix_outbox_sink_pending" })
        {
            Assert.Equal(1, _fixture.Scalar($"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = '{index}'"));
        }

        using var connection = _fixture.RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("initial schema", reader.GetString(1));
        Assert.Equal("2026-11-22T08:30:00.0000000Z", reader.GetString(2));
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task Reopening_an_up_to_date_file_applies_nothing()
    {
        await _fixture.OpenAsync();
        _fixture.Close();
        _fixture.Clock.Advance(TimeSpan.FromDays(1));

        var again = await _fixture.OpenAsync();

        Assert.Empty(again.AppliedMigrations);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_with_a_clear_message()
    {
        await _fixture.OpenAsync();
        _fixture.Close();
        _fixture.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00.0000000Z')");

        var error = await Assert.ThrowsAsync<StoreException>(_fixture.OpenAsync);

        Assert.Contains(_fixture.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteRecallHubStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_named_with_the_file()
    {
        var steps = new List<SqliteMigration>(SqliteMigrations.All)
        {
            new(2, "broken step", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        };

        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteRecallHubStore.OpenWithMigrationsAsync(
            _fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, steps, TestContext.Current.CancellationToken));

        Assert.Contains("Migration 2 (broken step)", error.Message, StringComparison.Ordinal);
        Assert.Contains(_fixture.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(1, _fixture.Scalar("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task Connections_use_WAL_foreign_keys_a_busy_timeout_and_normal_synchronous()
    {
        var store = await _fixture.OpenAsync();
        await using var connection = await store.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal("1", Pragma(connection, "foreign_keys"));
        Assert.Equal("30000", Pragma(connection, "busy_timeout"));
        Assert.Equal("1", Pragma(connection, "synchronous")); // 1 = NORMAL
        Assert.Equal("-65536", Pragma(connection, "cache_size"));
        using var raw = _fixture.RawConnection();
        Assert.Equal("wal", Pragma(raw, "journal_mode")); // stored in the file: every connection sees it
    }

    [Fact]
    public async Task Full_durability_sets_synchronous_full()
    {
        using var database = new SqliteDatabase(_fixture.DatabasePath, SqliteDurability.Full);
        await using var connection = await database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        Assert.Equal("2", Pragma(connection, "synchronous")); // 2 = FULL
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_fixture.DatabasePath)!);
        await File.WriteAllTextAsync(_fixture.DatabasePath, new string('x', 4096), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<StoreException>(_fixture.OpenAsync);

        Assert.Contains(_fixture.DatabasePath, error.Message, StringComparison.Ordinal);
    }

    private static string? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
