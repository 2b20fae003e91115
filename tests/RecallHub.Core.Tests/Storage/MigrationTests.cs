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
        Assert.Equal([1, 2, 3, 4, 5, 6], store.AppliedMigrations);
        foreach (string table in new[]
        {
            "recalls", "recall_links", "recall_revisions", "recall_products", "recall_lots", "pack_scans", "pack_states",
            "stock_blocks", "acknowledgements", "recall_actions", "audit_log", "outbox", "source_checkpoints", "plugin_state", "outbox_leases",
        })
        {
            Assert.Equal(1, _fixture.Scalar($"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = '{table}'"));
        }

        foreach (string index in new[] { "ix_pack_scans_product_lot", "ix_outbox_sink_pending", "ux_stock_blocks_pack", "ix_recall_links_recall" })
        {
            Assert.Equal(1, _fixture.Scalar($"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name = '{index}'"));
        }

        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'ix_pack_scans_product_serial'"));

        using var connection = _fixture.RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt64(0));
        Assert.Equal("initial schema", reader.GetString(1));
        Assert.Equal("2026-11-22T08:30:00.0000000Z", reader.GetString(2));
        Assert.True(reader.Read());
        Assert.Equal(2, reader.GetInt64(0));
        Assert.True(reader.Read());
        Assert.Equal(3, reader.GetInt64(0));
        Assert.True(reader.Read());
        Assert.Equal(4, reader.GetInt64(0));
        Assert.True(reader.Read());
        Assert.Equal(5, reader.GetInt64(0));
        Assert.True(reader.Read());
        Assert.Equal(6, reader.GetInt64(0));
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
        Assert.Equal(SqliteMigrations.All.Count, _fixture.Scalar("SELECT COUNT(*) FROM schema_migrations"));
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
        int broken = SqliteMigrations.Latest + 1;
        var steps = new List<SqliteMigration>(SqliteMigrations.All)
        {
            new(broken, "broken step", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        };

        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteRecallHubStore.OpenWithMigrationsAsync(
            _fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, steps, TestContext.Current.CancellationToken));

        Assert.Contains($"Migration {broken} (broken step)", error.Message, StringComparison.Ordinal);
        Assert.Contains(_fixture.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(SqliteMigrations.Latest, _fixture.Scalar("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'"));
    }

    [Fact]
    public async Task A_version_1_database_with_data_is_migrated_to_version_2_and_keeps_everything()
    {
        var ct = TestContext.Current.CancellationToken;
        long recallId;
        long[] scanIds;
        using (var v1 = await SqliteRecallHubStore.OpenWithMigrationsAsync(_fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, [SqliteMigrations.All[0]], ct))
        {
            await using var session = await v1.OpenSessionAsync(ct);
            recallId = (await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreFixture.Start, ct)).RecallId;
            await session.Recalls.UpsertAsync(Notices.LotRecall(version: 2, lots: ["A53014", "B60021"]), StoreFixture.Start, ct);
            await session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", sourceId: "DP-1"), StoreFixture.Start, ct);
        }

        // Written as the code of schema 1 wrote scans: today's store writes columns schema 1 lacks.
        scanIds = [1];
        SqliteConnection.ClearAllPools();
        _fixture.Execute(
            $"""
            INSERT INTO pack_scans (id, raw_code, scheme, product_key, lot, lot_key, serial, event, scanned_at)
            VALUES (1, '3400930270387', 'unknown', '{Notices.Gtin14}', 'a5 3014', 'A53014', 'S1', 'reception', '2026-11-22T08:30:00.0000000Z');
            INSERT INTO stock_blocks (recall_id, scan_id, product_key, lot, serial, since, reason)
            VALUES ({recallId}, {scanIds[0]}, '{Notices.Gtin14}', 'a5 3014', 'S1', '2026-11-22T08:30:00.0000000Z', 'Lot rappelé');
            INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-11-22T08:30:00.0000000Z', 'hub', 'block.placed', 'block:1');
            """);

        var store = await _fixture.OpenAsync();

        Assert.Equal([2, 3, 4, 5, 6], store.AppliedMigrations);
        await using var migrated = await store.OpenSessionAsync(ct);
        var recall = (await migrated.Recalls.GetAsync(recallId, ct))!;
        Assert.Equal(3, recall.Revisions.Count);
        Assert.Equal(["A53014", "B60021", "A53014"], recall.Products.SelectMany(p => p.Selector.Lots).Select(l => l.Lot));
        Assert.Equal(2, _fixture.Scalar("SELECT COUNT(*) FROM recall_links"));
        Assert.Equal("alert_number", _fixture.Text("SELECT link_reason FROM recall_links WHERE source = 'dp-rappels'"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(DISTINCT id) FROM pragma_foreign_key_list('recall_revisions') WHERE \"table\" = 'recall_links'"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('recall_links_v2', 'ux_stock_blocks_recall_scan')"));
        Assert.Equal(1, await migrated.Scans.CountAsync(ct));

        // The block of schema 1 is found by its pack, and a second scan of the box does not make a second block.
        var old = Assert.Single((await migrated.Blocks.ListAsync(BlockFilter.All, Paging.First, ct)).Items);
        Assert.Equal(("a5 3014", "S1", false, (long?)scanIds[0]), (old.Lot, old.Serial, old.NeedsManualCheck, old.ScanId));
        Assert.Equal("A53014", _fixture.Text("SELECT lot_key FROM stock_blocks"));
        var again = Assert.Single(await migrated.Blocks.PlaceAsync([new NewStockBlock(recallId, Notices.Gtin14, "A53014", "S1", "Lot rappelé") { Since = StoreFixture.Start }], ct));
        Assert.Equal((false, old.Id), (again.Created, again.Block.Id));
        Assert.Equal("block.placed", Assert.Single(await migrated.Audit.ListAsync("block:1", ct)).Entry.Action);

        // The new link reason is accepted, and foreign keys are enforced again.
        var linked = await migrated.Recalls.UpsertAsync(Notices.LotRecall(source: "rappelconso", sourceId: "RC-1", alertNumber: null), StoreFixture.Start, ct);
        Assert.Equal((RecallUpsertOutcome.Linked, recallId), (linked.Outcome, linked.RecallId));
        Assert.Equal("product_lots", _fixture.Text("SELECT link_reason FROM recall_links WHERE source = 'rappelconso'"));
        await Assert.ThrowsAsync<StoreException>(() => migrated.Blocks.PlaceAsync([new NewStockBlock(999, "k", null, null, "r") { Since = StoreFixture.Start }], ct));
    }

    [Fact]
    public async Task A_version_2_database_gains_the_handover_columns_and_keeps_its_scans()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await SqliteRecallHubStore.OpenWithMigrationsAsync(_fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, [.. SqliteMigrations.All.Take(2)], ct))
        {
        }

        SqliteConnection.ClearAllPools();
        _fixture.Execute(
            $"""
            INSERT INTO pack_scans (id, raw_code, scheme, product_key, lot, lot_key, serial, event, scanned_at, operator)
            VALUES (1, '3400930270387', 'unknown', '{Notices.Gtin14}', 'A53014', 'A53014', 'S1', 'dispensation', '2026-11-22T08:30:00.0000000Z', 'Claire');
            """);
        SqliteConnection.ClearAllPools();
        var store = await _fixture.OpenAsync();

        Assert.Equal([3, 4, 5, 6], store.AppliedMigrations);
        await using var migrated = await store.OpenSessionAsync(ct);
        var old = Assert.Single(await migrated.Scans.FindByProductAsync(Notices.Gtin14, cancellationToken: ct)).Scan;
        Assert.Equal(("A53014", "Claire", (string?)null, (string?)null, (string?)null), (old.Lot, old.Operator, old.SealedPatient, old.Prescriber, old.Place));

        await migrated.Scans.AppendAsync(
            [new PackScan { RawCode = "3400930270387", ProductKey = Notices.Gtin14, Lot = "A53014", Serial = "S2", Event = PackEvent.Implantation, ScannedAt = StoreFixture.Start, SealedPatient = "v1.AAAA", Prescriber = "Dr Martin", Place = "Bloc 2" }], ct);
        var handedOver = (await migrated.Scans.FindBySerialAsync(Notices.Gtin14, "S2", ct))[0].Scan;
        Assert.Equal(("v1.AAAA", "Dr Martin", "Bloc 2"), (handedOver.SealedPatient, handedOver.Prescriber, handedOver.Place));

        // The column refuses what is not a seal, and a patient on a scan that goes to nobody.
        Assert.ThrowsAny<SqliteException>(() => _fixture.Execute(
            "INSERT INTO pack_scans (raw_code, scheme, event, scanned_at, sealed_patient) VALUES ('x', 'gs1', 'implantation', 'x', '184127645108946')"));
        Assert.ThrowsAny<SqliteException>(() => _fixture.Execute(
            "INSERT INTO pack_scans (raw_code, scheme, event, scanned_at, sealed_patient) VALUES ('x', 'gs1', 'reception', 'x', 'v1.AAAA')"));
        await Assert.ThrowsAsync<ArgumentException>(() => migrated.Scans.AppendAsync(
            [new PackScan { RawCode = "3400930270387", Event = PackEvent.Reception, ScannedAt = StoreFixture.Start, SealedPatient = "v1.AAAA" }], ct));
    }

    [Fact]
    public async Task A_version_3_audit_log_is_chained_in_id_order_and_then_refuses_updates()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await SqliteRecallHubStore.OpenWithMigrationsAsync(_fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, [.. SqliteMigrations.All.Take(3)], ct))
        {
        }

        SqliteConnection.ClearAllPools();
        _fixture.Execute(
            """
            INSERT INTO audit_log (id, at, actor, action, subject, details) VALUES
                (1, '2026-11-22T08:30:00.0000000Z', 'Claire', 'block.lifted', 'block:1', 'lot vérifié'),
                (2, '2026-11-22T08:31:00.0000000Z', 'Léo', 'block.lifted', 'block:2', NULL);
            """);
        SqliteConnection.ClearAllPools();
        var store = await _fixture.OpenAsync();
        await using var session = await store.OpenSessionAsync(ct);
        long appended = await session.Audit.AppendAsync(new AuditEntry(StoreFixture.Start, "Claire", "recall.read", "recall:1", null), ct);

        var entries = await session.Audit.ListRecentAsync(new Paging(0, 10), cancellationToken: ct);
        Assert.Equal(3, appended);
        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, 1, "2026-11-22T08:30:00.0000000Z", "Claire", "block.lifted", "block:1", "lot vérifié"), entries.Items[^1].Hash);
        Assert.Equal(new AuditChainVerification(3, null, null), await session.Audit.VerifyAsync(ct));
        Assert.ThrowsAny<SqliteException>(() => _fixture.Execute("UPDATE audit_log SET actor = 'X' WHERE id = 1"));
        Assert.ThrowsAny<SqliteException>(() => _fixture.Execute("DELETE FROM audit_log WHERE id = 1"));
    }

    [Fact]
    public async Task A_version_4_database_names_each_boxs_latest_scan_with_a_lot_and_drops_the_serial_index()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await SqliteRecallHubStore.OpenWithMigrationsAsync(_fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, [.. SqliteMigrations.All.Take(4)], ct))
        {
        }

        // S1: received with its lot, then dispensed by a scan that missed it. S2: two lots read, the later one by time
        // has the smaller id (imported late). S3: never a lot.
        SqliteConnection.ClearAllPools();
        _fixture.Execute(
            $"""
            INSERT INTO pack_scans (id, raw_code, scheme, gtin14, product_key, lot, lot_key, serial, expiry, event, scanned_at) VALUES
                (1, 'c1', 'gs1', '{Notices.Gtin14}', '{Notices.Gtin14}', 'A53014', 'A53014', 'S1', '2028-02-29', 'reception', '2026-11-22T08:00:00.0000000Z'),
                (2, 'c2', 'gs1', '{Notices.Gtin14}', '{Notices.Gtin14}', NULL, NULL, 'S1', NULL, 'dispensation', '2026-11-22T09:00:00.0000000Z'),
                (3, 'c3', 'gs1', '{Notices.Gtin14}', '{Notices.Gtin14}', 'B60021', 'B60021', 'S2', '2027-01-31', 'reception', '2026-11-22T10:00:00.0000000Z'),
                (4, 'c4', 'gs1', '{Notices.Gtin14}', '{Notices.Gtin14}', 'C1', 'C1', 'S2', '2027-03-31', 'reception', '2026-11-22T07:00:00.0000000Z'),
                (5, 'c5', 'gs1', '{Notices.Gtin14}', '{Notices.Gtin14}', NULL, NULL, 'S3', NULL, 'reception', '2026-11-22T07:00:00.0000000Z');
            INSERT INTO pack_states (product_key, serial, state, last_scan_id, changed_at) VALUES
                ('{Notices.Gtin14}', 'S1', 'dispensed', 2, '2026-11-22T09:00:00.0000000Z'),
                ('{Notices.Gtin14}', 'S2', 'in_stock', 3, '2026-11-22T10:00:00.0000000Z'),
                ('{Notices.Gtin14}', 'S3', 'in_stock', 5, '2026-11-22T07:00:00.0000000Z');
            """);
        SqliteConnection.ClearAllPools();
        var store = await _fixture.OpenAsync();

        Assert.Equal([5, 6], store.AppliedMigrations);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'ix_pack_scans_product_serial'"));
        Assert.Equal("1,3,", _fixture.Text("SELECT group_concat(COALESCE(lot_scan_id, ''), ',') FROM (SELECT lot_scan_id FROM pack_states ORDER BY serial)"));
        await using var migrated = await store.OpenSessionAsync(ct);
        var boxes = await migrated.Scans.FindHoldingsAsync(Notices.Gtin14, null, ct);
        Assert.Equal(
            [("S1", "A53014", (DateOnly?)new DateOnly(2028, 2, 29), 2L), ("S2", "B60021", new DateOnly(2027, 1, 31), 3L), ("S3", null, null, 5L)],
            boxes.Select(b => (b.Serial!, b.Lot, b.Expiry, b.LastScanId)));
        Assert.Equal([1L, 2L], (await migrated.Scans.FindBySerialAsync(Notices.Gtin14, "S1", ct)).Select(s => s.Id));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM pragma_table_info('pack_states') WHERE name = 'changed_at'"));
        Assert.Equal(
            new PackState(Notices.Gtin14, "S1", PackStatus.Dispensed, 2, new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)),
            await migrated.Scans.GetPackStateAsync(Notices.Gtin14, "S1", ct));
    }

    [Fact]
    public async Task A_table_rebuild_that_would_leave_a_broken_reference_is_rolled_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await SqliteRecallHubStore.OpenWithMigrationsAsync(_fixture.DatabasePath, _fixture.Clock, SqliteDurability.Normal, [SqliteMigrations.All[0]], ct))
        {
        }

        SqliteConnection.ClearAllPools();

        // Written behind the store's back with foreign keys off: a revision of a notice that has no link.
        _fixture.Execute(
            """
            PRAGMA foreign_keys = OFF;
            INSERT INTO recalls (id, kind, title, published_at, created_at, updated_at) VALUES (1, 'lot_recall', 't', 'x', 'x', 'x');
            INSERT INTO recall_revisions (id, recall_id, source, source_id, version, content_sha256, notice_json, received_at, is_current)
            VALUES (7, 1, 'ghost', 'g1', 1, 'h', '{}', 'x', 1);
            """);

        var error = await Assert.ThrowsAsync<StoreException>(_fixture.OpenAsync);

        Assert.Contains("Migration 2 (", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 broken reference(s) (recall_revisions row 7 → recall_links)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the schema stays at version 1", error.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(1, _fixture.Scalar("SELECT MAX(version) FROM schema_migrations"));
        Assert.DoesNotContain("product_lots", _fixture.Text("SELECT sql FROM sqlite_schema WHERE name = 'recall_links'"), StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('plugin_state', 'recall_links_v2')"));
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
