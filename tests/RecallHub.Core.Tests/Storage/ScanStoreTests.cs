using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class ScanStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static PackScan Scan(string lot = "A53014", string? serial = "SN1", PackEvent @event = PackEvent.Reception, int minute = 0, string raw = "") => new()
    {
        RawCode = raw.Length > 0 ? raw : $"]d201{Notices.Gtin14}1728022910{lot}\u001d21{serial}",
        Scheme = IdentifierScheme.Gs1,
        Gtin = Notices.Gtin14,
        ProductKey = Notices.Gtin14,
        Lot = lot,
        Serial = serial,
        Expiry = new DateOnly(2028, 2, 29),
        Event = @event,
        ScannedAt = StoreTestFixture.Start.AddMinutes(minute),
        Workstation = "comptoir-1",
        Operator = "marie",
    };

    [Fact]
    public async Task A_batch_is_stored_and_found_by_product_and_lot_ignoring_case_and_spaces()
    {
        await using var session = await _fixture.SessionAsync();

        var ids = await session.Scans.AppendAsync([Scan("A53014", "S1"), Scan("B60021", "S2"), Scan("a53014", "S3")], _ct);

        Assert.Equal(3, ids.Count);
        Assert.True(ids[0] < ids[1] && ids[1] < ids[2]);
        Assert.Equal(3, await session.Scans.CountAsync(_ct));
        var found = await session.Scans.FindByProductAsync(Notices.Gtin14, " a5 3014 ", _ct);
        Assert.Equal([ids[0], ids[2]], found.Select(s => s.Id));
        Assert.Equal(Scan("A53014", "S1"), found[0].Scan);
        Assert.Equal(3, (await session.Scans.FindByProductAsync(Notices.Gtin14, cancellationToken: _ct)).Count);
        Assert.Empty(await session.Scans.FindByProductAsync("0" + Notices.OtherCip13, cancellationToken: _ct));
        Assert.Equal(ids[1], Assert.Single(await session.Scans.FindBySerialAsync(Notices.Gtin14, "S2", _ct)).Id);
    }

    [Fact]
    public async Task Rows_written_in_index_order_keep_the_scans_ids_and_the_later_state_of_a_box_scanned_twice()
    {
        await using var session = await _fixture.SessionAsync();

        // Same minute, so only the order within the batch says the box left after it arrived.
        var ids = await session.Scans.AppendAsync(
            [Scan("Z99", "LAST"), Scan("A53014", "TWICE"), Scan("B60021", "OTHER"), Scan("A53014", "TWICE", PackEvent.Dispensation)], _ct);

        Assert.Equal(Enumerable.Range(0, 4).Select(i => ids[0] + i), ids);
        var twice = await session.Scans.FindBySerialAsync(Notices.Gtin14, "TWICE", _ct);
        Assert.Equal([(ids[1], PackEvent.Reception), (ids[3], PackEvent.Dispensation)], twice.Select(s => (s.Id, s.Scan.Event)));
        Assert.Equal(PackStatus.Dispensed, (await session.Scans.GetPackStateAsync(Notices.Gtin14, "TWICE", _ct))!.Status);
    }

    [Fact]
    public async Task A_failing_item_rolls_back_the_whole_batch_and_is_named()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Scans.AppendAsync([Scan(serial: "BEFORE")], _ct);

        // Simulates any failure on one row (a full disk, a constraint): the database refuses the third scan.
        _fixture.RefuseScansWithRawCode("POISON");
        var error = await Assert.ThrowsAsync<StoreException>(() =>
            session.Scans.AppendAsync([Scan(serial: "X1"), Scan(serial: "X2"), Scan(raw: "POISON"), Scan(serial: "X4")], _ct));

        Assert.Contains("Scan 3 of 4 ('POISON'", error.Message, StringComparison.Ordinal);
        Assert.Contains("poisoned row", error.Message, StringComparison.Ordinal);
        Assert.Contains(_fixture.Location, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await session.Scans.CountAsync(_ct));
        Assert.Null(await session.Scans.GetPackStateAsync(Notices.Gtin14, "X1", _ct));

        // The session is still usable.
        await session.Scans.AppendAsync([Scan(serial: "AFTER")], _ct);
        Assert.Equal(2, await session.Scans.CountAsync(_ct));
    }

    [Fact]
    public async Task A_failing_batch_inside_a_transaction_leaves_the_transaction_usable()
    {
        await using var session = await _fixture.SessionAsync();
        _fixture.RefuseScansWithRawCode("POISON");
        await using var transaction = await session.BeginTransactionAsync(_ct);
        await session.Scans.AppendAsync([Scan(serial: "KEPT")], _ct);

        await Assert.ThrowsAsync<StoreException>(() => session.Scans.AppendAsync([Scan(serial: "X1"), Scan(raw: "POISON")], _ct));
        await transaction.CommitAsync(_ct);

        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
    }

    [Fact]
    public async Task A_scan_with_an_unknown_event_is_refused_before_anything_is_written()
    {
        await using var session = await _fixture.SessionAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.Scans.AppendAsync([Scan(), Scan(@event: (PackEvent)99)], _ct));

        Assert.Contains("Scan 2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("<GS>", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await session.Scans.CountAsync(_ct));
    }

    [Fact]
    public async Task The_state_of_a_serialised_pack_follows_its_latest_scan()
    {
        await using var session = await _fixture.SessionAsync();
        var ids = await session.Scans.AppendAsync([Scan(serial: "P1", minute: 0), Scan(serial: "P1", @event: PackEvent.Dispensation, minute: 10)], _ct);

        var state = await session.Scans.GetPackStateAsync(Notices.Gtin14, "P1", _ct);
        Assert.Equal(new PackState(Notices.Gtin14, "P1", PackStatus.Dispensed, ids[1], StoreTestFixture.Start.AddMinutes(10)), state);

        // An older scan imported late does not overwrite the newer state.
        await session.Scans.AppendAsync([Scan(serial: "P1", @event: PackEvent.Reception, minute: 5)], _ct);
        Assert.Equal(PackStatus.Dispensed, (await session.Scans.GetPackStateAsync(Notices.Gtin14, "P1", _ct))!.Status);

        await session.Scans.AppendAsync([Scan(serial: "P1", @event: PackEvent.Return, minute: 20)], _ct);
        Assert.Equal(PackStatus.InStock, (await session.Scans.GetPackStateAsync(Notices.Gtin14, "P1", _ct))!.Status);
        Assert.Null(await session.Scans.GetPackStateAsync(Notices.Gtin14, "NEVER", _ct));
    }

    [Fact]
    public void A_scan_built_from_a_reading_keys_the_product_by_its_GTIN_14()
    {
        var options = new BarcodeReaderOptions { TimeProvider = _fixture.Clock };
        var reading = BarcodeReader.Read($"]d201{Notices.Gtin14}17280200102A 53014\u001d21SN9", options);

        var scan = PackScan.FromReading(reading, PackEvent.Reception, StoreTestFixture.Start, "poste-2", "paul");

        Assert.Equal(Notices.Gtin14, scan.ProductKey);
        Assert.Equal(Notices.Gtin14, ProductKeys.Of(Abstractions.Notices.CodeScheme.Cip13, Notices.Cip13));
        Assert.Equal(new DateOnly(2028, 2, 29), scan.Expiry);
        Assert.Equal("SN9", scan.Serial);
        Assert.Equal("2A53014", ProductKeys.Lot(scan.Lot));
        Assert.Equal(("poste-2", "paul"), (scan.Workstation, scan.Operator));
    }

    [Fact]
    public async Task Concurrent_sessions_wait_for_each_other_and_lose_nothing()
    {
        var store = await _fixture.OpenStoreAsync();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await using var session = await store.OpenSessionAsync(_ct);
            var ids = new List<long>();
            for (int batch = 0; batch < 10; batch++)
            {
                ids.AddRange(await session.Scans.AppendAsync(Enumerable.Range(0, 100).Select(i => Scan(serial: $"W{w}-{batch}-{i}")).ToList(), _ct));
            }

            return ids;
        }, _ct)).ToList();
        var all = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();

        Assert.Equal(4000, all.Distinct().Count());
        Assert.Equal(4000, _fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
        Assert.Equal(4000, _fixture.Scalar("SELECT COUNT(*) FROM pack_states"));
    }

    [Fact]
    public async Task Scans_survive_closing_and_reopening_the_file()
    {
        await using (var session = await _fixture.SessionAsync())
        {
            await session.Scans.AppendAsync(Enumerable.Range(0, 1000).Select(i => Scan(serial: $"S{i}")).ToList(), _ct);
        }

        _fixture.Close();
        await _fixture.OpenStoreAsync();
        await using var reopened = await _fixture.SessionAsync();

        Assert.Equal(1000, await reopened.Scans.CountAsync(_ct));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : ScanStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : ScanStoreTests(new PostgreSqlStoreFixture());
}
