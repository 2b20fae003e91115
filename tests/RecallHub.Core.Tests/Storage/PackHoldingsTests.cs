using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class PackHoldingsTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private const string OtherProduct = "0" + Notices.OtherCip13;

    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static PackScan Scan(string? lot, string? serial, PackEvent @event = PackEvent.Reception, int minute = 0, string product = Notices.Gtin14, string workstation = "comptoir-1") => new()
    {
        RawCode = $"]d201{product}17280229{(lot is null ? "" : "10" + lot + "\u001d")}{(serial is null ? "" : "21" + serial)}",
        Scheme = IdentifierScheme.Gs1,
        Gtin = product,
        ProductKey = product,
        Lot = lot,
        Serial = serial,
        Expiry = lot is null ? null : new DateOnly(2028, 2, 29),
        Event = @event,
        ScannedAt = StoreTestFixture.Start.AddMinutes(minute),
        Workstation = workstation,
    };

    private async Task<IReadOnlyList<PackHolding>> HoldingsAsync(IStoreSession session, params string[]? lots) =>
        await session.Scans.FindHoldingsAsync(Notices.Gtin14, lots, _ct);

    [Fact]
    public async Task Each_serialised_box_is_one_holding_with_the_state_of_its_latest_scan()
    {
        await using var session = await _fixture.SessionAsync();
        var ids = await session.Scans.AppendAsync(
        [
            Scan("A53014", "S1", minute: 0),
            Scan("A53014", "S2", minute: 1), Scan("A53014", "S2", PackEvent.Dispensation, minute: 2, workstation: "comptoir-2"),
            Scan("A53014", "S3", minute: 3), Scan("A53014", "S3", PackEvent.Destruction, minute: 4),
            Scan("A53014", "S4", minute: 5), Scan("A53014", "S4", PackEvent.Implantation, minute: 6),
            Scan("A53014", "S5", minute: 7), Scan("A53014", "S5", PackEvent.Dispensation, minute: 8), Scan("A53014", "S5", PackEvent.Return, minute: 9),
        ], _ct);

        var holdings = await HoldingsAsync(session, "a5 3014");

        Assert.Equal(["S1", "S2", "S3", "S4", "S5"], holdings.Select(h => h.Serial));
        Assert.Equal([true, false, false, false, true], holdings.Select(h => h.InStock));
        Assert.Equal([false, true, false, true, false], holdings.Select(h => h.Dispensed));
        Assert.Equal(
            new PackHolding(Notices.Gtin14, Notices.Gtin14, "A53014", "S2", new DateOnly(2028, 2, 29), null, false, true, ids[2], StoreTestFixture.Start.AddMinutes(2), "comptoir-2"),
            holdings[1]);
    }

    [Fact]
    public async Task Packs_scanned_without_serial_are_summed_up_per_lot()
    {
        await using var session = await _fixture.SessionAsync();
        var ids = await session.Scans.AppendAsync(
        [
            // Lot A53014 (written two ways): 3 received + 1 returned > 2 dispensed + 1 destroyed.
            Scan("A53014", null, minute: 0), Scan("A53014", null, minute: 1), Scan("a53014", null, minute: 2),
            Scan("A53014", null, PackEvent.Dispensation, minute: 3), Scan("A53014", null, PackEvent.Dispensation, minute: 4),
            Scan("A53014", null, PackEvent.Return, minute: 5), Scan("A53014", null, PackEvent.Destruction, minute: 6),
            Scan("a53014", null, PackEvent.Reception, minute: 7, workstation: "reserve"),

            // Lot B60021: everything went out.
            Scan("B60021", null, minute: 0), Scan("B60021", null, PackEvent.Dispensation, minute: 1),

            // Lot C1: one box destroyed, none dispensed.
            Scan("C1", null, minute: 0), Scan("C1", null, PackEvent.Destruction, minute: 1),
        ], _ct);

        var holdings = await HoldingsAsync(session, "A53014", "B60021", "C1");

        Assert.Equal(3, holdings.Count);
        Assert.Equal(
            new PackHolding(Notices.Gtin14, Notices.Gtin14, "a53014", null, new DateOnly(2028, 2, 29), null, true, true, ids[7], StoreTestFixture.Start.AddMinutes(7), "reserve"),
            holdings[0]);
        Assert.Equal(("B60021", false, true), (holdings[1].Lot, holdings[1].InStock, holdings[1].Dispensed));
        Assert.Equal(("C1", false, false), (holdings[2].Lot, holdings[2].InStock, holdings[2].Dispensed));
    }

    [Fact]
    public async Task Only_the_listed_lots_and_the_packs_of_unknown_lot_are_returned()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Scans.AppendAsync(
        [
            Scan("A53014", "S1"), Scan("A53014", null), Scan("B60021", "S2"), Scan("B60021", null),
            Scan(null, null), // a plain EAN-13: no lot
            Scan(null, "S3"), // a serial without lot
            Scan("A53014", "S9", product: OtherProduct), Scan(null, null, product: OtherProduct),
        ], _ct);

        var listed = await HoldingsAsync(session, "A53014");
        var every = await HoldingsAsync(session, null);
        var none = await HoldingsAsync(session);

        Assert.Equal([(null, null), ("A53014", null), ("A53014", "S1"), (null, "S3")], listed.Select(h => (h.Lot, h.Serial)));
        Assert.Equal(6, every.Count);
        Assert.All(every, h => Assert.Equal(Notices.Gtin14, h.ProductKey));
        Assert.Equal([(null, null), (null, "S3")], none.Select(h => (h.Lot, h.Serial))); // no lot listed: only what a lot cannot rule out
        Assert.Empty(await session.Scans.FindHoldingsAsync("0" + Notices.Cip13[..^1] + "9", null, _ct));
    }

    [Fact]
    public async Task A_box_keeps_the_lot_an_earlier_scan_read_when_its_latest_scan_missed_it()
    {
        await using var session = await _fixture.SessionAsync();
        var ids = await session.Scans.AppendAsync(
            [Scan("A53014", "S1", minute: 0), Scan(null, "S1", PackEvent.Dispensation, minute: 10, workstation: "comptoir-3")], _ct);

        var box = Assert.Single(await HoldingsAsync(session, "B60021")); // found through its scan of unknown lot

        Assert.Equal(("A53014", "S1", false, true), (box.Lot, box.Serial, box.InStock, box.Dispensed));
        Assert.Equal((ids[1], StoreTestFixture.Start.AddMinutes(10), "comptoir-3"), (box.LastScanId, box.LastScannedAt, box.Workstation));
        Assert.Equal(new DateOnly(2028, 2, 29), box.Expiry);
    }

    [Fact]
    public async Task An_older_scan_imported_late_is_not_the_latest()
    {
        await using var session = await _fixture.SessionAsync();
        var first = await session.Scans.AppendAsync([Scan("A53014", null, minute: 30, workstation: "comptoir-1"), Scan("A53014", "S1", minute: 30)], _ct);
        await session.Scans.AppendAsync([Scan("A53014", null, PackEvent.Dispensation, minute: 5, workstation: "import"), Scan("A53014", "S1", PackEvent.Dispensation, minute: 5)], _ct);

        var holdings = await HoldingsAsync(session, "A53014");

        Assert.Equal([first[0], first[1]], holdings.Select(h => h.LastScanId));
        Assert.Equal("comptoir-1", holdings[0].Workstation);
        Assert.True(holdings[1].InStock);
        Assert.False(holdings[0].InStock); // 1 in, 1 out, whatever the order
    }

    [Fact]
    public async Task A_box_takes_its_lot_from_its_latest_scan_that_read_one_even_when_imported_late()
    {
        await using var session = await _fixture.SessionAsync();
        var latest = await session.Scans.AppendAsync([Scan(null, "S1", minute: 10, workstation: "comptoir-2")], _ct);

        // Late imports, one batch each: the box's state stays with its scan at minute 10.
        await session.Scans.AppendAsync([Scan("A53014", "S1", PackEvent.Dispensation, minute: 0)], _ct);
        var lotA = Assert.Single(await HoldingsAsync(session, null));
        await session.Scans.AppendAsync([Scan("B60021", "S1", minute: -5)], _ct);
        var stillA = Assert.Single(await HoldingsAsync(session, null));
        await session.Scans.AppendAsync([Scan("C1", "S1", minute: 5)], _ct);
        var lotC = Assert.Single(await HoldingsAsync(session, null));

        Assert.Equal(("A53014", "A53014", "C1"), (lotA.Lot, stillA.Lot, lotC.Lot));
        Assert.All(new[] { lotA, stillA, lotC }, box => Assert.Equal((latest[0], true, "comptoir-2"), (box.LastScanId, box.InStock, box.Workstation)));
        Assert.Equal(4, (await session.Scans.FindBySerialAsync(Notices.Gtin14, "S1", _ct)).Count);
    }

    [Fact]
    public async Task The_holdings_of_a_new_recall_feed_the_stored_pack_matcher()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Scans.AppendAsync([Scan("A53014", "S1"), Scan("B60021", "S2"), Scan(null, null), Scan("A53014", null)], _ct);
        var product = Notices.Product(Notices.Cip13, "A 53014");

        var holdings = await session.Scans.FindHoldingsAsync(ProductKeys.Of(CodeScheme.Cip13, Notices.Cip13), product.Selector.Lots.Select(l => l.Lot).ToList(), _ct);
        var packs = holdings.Select(h => new PackIdentity(h.ProductKey, h.Lot, h.Serial, h.Expiry, h.ProductionDate)).ToList();
        var matches = StoredPackMatcher.MatchingPacks(product, packs);

        Assert.Equal(
            [(null, null, MatchOutcome.CannotTell), ("A53014", null, MatchOutcome.Concerned), ("A53014", "S1", MatchOutcome.Concerned)],
            matches.Select(m => (holdings[m.PackIndex].Lot, holdings[m.PackIndex].Serial, m.Outcome)));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : PackHoldingsTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : PackHoldingsTests(new PostgreSqlStoreFixture());
}
