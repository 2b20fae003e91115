using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class BlockStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static NewStockBlock Block(long recallId, string? lot = "A53014", string? serial = "S1", int minute = 0, string productKey = Notices.Gtin14) =>
        new(recallId, productKey, lot, serial, "Lot rappelé : ne pas délivrer.") { Since = StoreTestFixture.Start.AddMinutes(minute) };

    private async Task<long> RecallAsync(IStoreSession session, string sourceId = "rappel-doliprane-2026", string alertNumber = "MED26/A019/B018") =>
        (await session.Recalls.UpsertAsync(Notices.LotRecall(sourceId: sourceId, alertNumber: alertNumber), StoreTestFixture.Start, _ct)).RecallId;

    private static BlockLift Lift(string by = "Mme Martin", string reason = "Retourné au grossiste", int minute = 30) =>
        new(by, reason, StoreTestFixture.Start.AddMinutes(minute));

    [Fact]
    public async Task A_batch_creates_each_pack_once_and_answers_in_input_order()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);

        var placed = await session.Blocks.PlaceAsync(
            [Block(recall, "A53014", "S1"), Block(recall, "B60021", null), Block(recall, " a5 3014 ", "S1", minute: 5), Block(recall, "A53014", "S2")], _ct);

        Assert.Equal([true, true, false, true], placed.Select(p => p.Created));
        Assert.Equal(placed[0].Block, placed[2].Block); // the same box written another way is the same block
        Assert.Equal("A53014", placed[2].Block.Lot); // as first read
        Assert.Equal(StoreTestFixture.Start, placed[2].Block.Since);
        Assert.Equal(3, placed.Select(p => p.Block.Id).Distinct().Count());
        Assert.Equal(3, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
        Assert.Equal("A53014", _fixture.Text($"SELECT lot_key FROM stock_blocks WHERE id = {placed[0].Block.Id}"));
    }

    [Fact]
    public async Task Placing_again_returns_the_existing_block_and_does_not_put_back_a_lifted_one()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var first = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct));
        await session.Blocks.LiftAsync(first.Block.Id, Lift(), _ct);

        var again = Assert.Single(await session.Blocks.PlaceAsync([Block(recall, minute: 60)], _ct));

        Assert.False(again.Created);
        Assert.Equal(first.Block.Id, again.Block.Id);
        Assert.False(again.Block.IsActive);
        Assert.Equal(Lift(), again.Block.Lift);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
    }

    [Fact]
    public async Task Other_recalls_serials_products_and_an_unknown_lot_are_other_blocks()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        long other = await RecallAsync(session, "rappel-2", "MED26/A020/B019");

        var placed = await session.Blocks.PlaceAsync(
        [
            Block(recall),
            Block(other),
            Block(recall, serial: "S2"),
            Block(recall, serial: "s1"), // serials are compared exactly
            Block(recall, productKey: "0" + Notices.OtherCip13),
            Block(recall, lot: null, serial: null),
            Block(recall, lot: "  ", serial: ""), // blank is unknown: the same pack as the one above
            Block(recall, lot: "A53014", serial: null),
        ], _ct);

        Assert.Equal([true, true, true, true, true, true, false, true], placed.Select(p => p.Created));
        Assert.Null(placed[6].Block.Lot);
        Assert.Null(placed[6].Block.Serial);
    }

    [Fact]
    public async Task Every_field_is_stored_and_read_back()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var scanId = Assert.Single(await session.Scans.AppendAsync(
            [new PackScan { RawCode = "3400930270387", Event = PackEvent.Reception, ScannedAt = StoreTestFixture.Start, ProductKey = Notices.Gtin14 }], _ct));
        var block = Block(recall, lot: "A53014", serial: null) with
        {
            Gtin = Notices.Gtin14,
            Expiry = new DateOnly(2028, 2, 29),
            ScanId = scanId,
            Workstation = "comptoir-2",
            NeedsManualCheck = true,
        };

        var stored = Assert.Single(await session.Blocks.PlaceAsync([block], _ct)).Block;

        var expected = new StockBlock(
            stored.Id, recall, Notices.Gtin14, Notices.Gtin14, "A53014", null, new DateOnly(2028, 2, 29), scanId, "comptoir-2", true, StoreTestFixture.Start,
            "Lot rappelé : ne pas délivrer.", null);
        Assert.Equal(expected, stored);
        Assert.Equal(expected, await session.Blocks.GetAsync(stored.Id, _ct));
        Assert.Null(await session.Blocks.GetAsync(stored.Id + 1, _ct));
    }

    [Fact]
    public async Task A_block_that_cannot_be_stored_is_named_and_none_of_its_batch_is_kept()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);

        var error = await Assert.ThrowsAsync<StoreException>(() => session.Blocks.PlaceAsync([Block(recall), Block(recall + 41, lot: "Z9", serial: null)], _ct));

        Assert.Contains($"Block 2 of 2 (recall {recall + 41}, {Notices.Gtin14}, lot Z9)", error.Message, StringComparison.Ordinal);
        Assert.Contains("foreign key", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(_fixture.Location, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
    }

    [Fact]
    public async Task A_batch_with_a_null_item_or_no_reason_is_refused_before_anything_is_written()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);

        var nullItem = await Assert.ThrowsAsync<ArgumentException>(() => session.Blocks.PlaceAsync([Block(recall), null!], _ct));
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => session.Blocks.PlaceAsync([Block(recall) with { Reason = " " }], _ct));
        var noProduct = await Assert.ThrowsAsync<ArgumentException>(() => session.Blocks.PlaceAsync([Block(recall, productKey: "")], _ct));

        Assert.Contains("Block 2 of 2 is null", nullItem.Message, StringComparison.Ordinal);
        Assert.Contains("no reason", noReason.Message, StringComparison.Ordinal);
        Assert.Contains("no product key", noProduct.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
        Assert.Empty(await session.Blocks.PlaceAsync([], _ct));
    }

    [Fact]
    public async Task Lifting_records_who_when_and_why()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var block = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct)).Block;

        var lifted = await session.Blocks.LiftAsync(block.Id, Lift(), _ct);

        Assert.Equal(block with { Lift = Lift() }, lifted);
        Assert.False(lifted.IsActive);
        Assert.Equal(lifted, await session.Blocks.GetAsync(block.Id, _ct));
    }

    [Fact]
    public async Task Lifting_twice_is_refused_with_who_lifted_it_when_and_why()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var block = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct)).Block;
        await session.Blocks.LiftAsync(block.Id, Lift(), _ct);

        var error = await Assert.ThrowsAsync<BlockAlreadyLiftedException>(() => session.Blocks.LiftAsync(block.Id, Lift("M. Durand", "Lot vérifié", minute: 90), _ct));

        Assert.Contains($"Block {block.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("already lifted by Mme Martin on 2026-11-22 09:00:00 UTC", error.Message, StringComparison.Ordinal);
        Assert.Contains("« Retourné au grossiste »", error.Message, StringComparison.Ordinal);
        Assert.Equal(Lift(), (await session.Blocks.GetAsync(block.Id, _ct))!.Lift); // the first lift stays
    }

    [Fact]
    public async Task Lifting_an_unknown_block_is_refused_with_its_id()
    {
        await using var session = await _fixture.SessionAsync();

        var error = await Assert.ThrowsAsync<BlockNotFoundException>(() => session.Blocks.LiftAsync(4242, Lift(), _ct));

        Assert.Contains("no stock block 4242", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Retourné", "lift.By")]
    [InlineData("  ", "Retourné", "lift.By")]
    [InlineData("Mme Martin", "", "lift.Reason")]
    [InlineData("Mme Martin", " \t", "lift.Reason")]
    public async Task Lifting_needs_a_named_person_and_a_reason(string by, string reason, string parameter)
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var block = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct)).Block;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.Blocks.LiftAsync(block.Id, Lift(by, reason), _ct));

        Assert.Equal(parameter, error.ParamName);
        Assert.True((await session.Blocks.GetAsync(block.Id, _ct))!.IsActive);
    }

    [Fact]
    public async Task Listing_filters_pages_newest_first_and_counts_every_page()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        long other = await RecallAsync(session, "rappel-2", "MED26/A020/B019");
        var placed = await session.Blocks.PlaceAsync(
            [.. Enumerable.Range(0, 5).Select(i => Block(recall, serial: $"S{i}", minute: i)), Block(other, minute: 10), Block(recall, productKey: "0" + Notices.OtherCip13, minute: 20)], _ct);
        await session.Blocks.LiftAsync(placed[1].Block.Id, Lift(), _ct);

        var page = await session.Blocks.ListAsync(new BlockFilter { RecallId = recall, ProductKey = Notices.Gtin14 }, new Paging(1, 2), _ct);
        Assert.Equal(5, page.Total);
        Assert.Equal(["S3", "S2"], page.Items.Select(b => b.Serial));
        Assert.Equal(new Paging(1, 2), page.Paging);

        var active = await session.Blocks.ListAsync(new BlockFilter { Active = true }, Paging.First, _ct);
        Assert.Equal(6, active.Total);
        Assert.Equal(placed[6].Block.Id, active.Items[0].Id);

        var lifted = await session.Blocks.ListAsync(new BlockFilter { Active = false }, Paging.First, _ct);
        Assert.Equal(placed[1].Block.Id, Assert.Single(lifted.Items).Id);

        Assert.Equal(7, (await session.Blocks.ListAsync(BlockFilter.All, Paging.First, _ct)).Total);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.Blocks.ListAsync(BlockFilter.All, new Paging(0, Paging.MaxLimit + 1), _ct));
    }

    [Fact]
    public async Task The_lifted_blocks_of_active_recalls_are_what_the_counter_lets_through()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        long closed = await RecallAsync(session, "rappel-2", "MED26/A020/B019");
        var placed = await session.Blocks.PlaceAsync([Block(recall, serial: "S1"), Block(recall, serial: "S2"), Block(closed, serial: "S1")], _ct);
        await session.Blocks.LiftAsync(placed[0].Block.Id, Lift(), _ct);
        await session.Blocks.LiftAsync(placed[2].Block.Id, Lift(), _ct);
        _fixture.Execute($"UPDATE recalls SET status = 'closed' WHERE id = {closed}");

        var lifted = await session.Blocks.ListLiftedOfActiveRecallsAsync(_ct);

        Assert.Equal(placed[0].Block.Id, Assert.Single(lifted).Id);
    }

    [Fact]
    public async Task Blocks_and_their_audit_entry_commit_or_roll_back_with_the_transaction()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            var block = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct)).Block;
            await session.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, "hub", "block.placed", $"block:{block.Id}", null), _ct);
            Assert.Single((await session.Blocks.ListAsync(BlockFilter.All, Paging.First, _ct)).Items); // visible inside
            await transaction.RollbackAsync(_ct);
        }

        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM audit_log"));

        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            var block = Assert.Single(await session.Blocks.PlaceAsync([Block(recall)], _ct)).Block;
            await session.Blocks.LiftAsync(block.Id, Lift(), _ct);
            await session.Audit.AppendAsync(new AuditEntry(StoreTestFixture.Start, "Mme Martin", "block.lifted", $"block:{block.Id}", "Retourné au grossiste"), _ct);

            // A failed lift inside the transaction is undone alone; the transaction goes on.
            await Assert.ThrowsAsync<BlockAlreadyLiftedException>(() => session.Blocks.LiftAsync(block.Id, Lift(), _ct));
            Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks")); // not visible to others before the commit
            await transaction.CommitAsync(_ct);
        }

        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks WHERE lifted_by = 'Mme Martin'"));
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Thousands_of_blocks_go_in_one_batch_and_placing_them_again_creates_none()
    {
        await using var session = await _fixture.SessionAsync();
        long recall = await RecallAsync(session);
        var blocks = Enumerable.Range(0, 5000).Select(i => Block(recall, lot: $"L{i % 50}", serial: $"SN{i:D6}")).ToList();

        var first = await session.Blocks.PlaceAsync(blocks, _ct);
        var second = await session.Blocks.PlaceAsync(blocks, _ct);

        Assert.All(first, p => Assert.True(p.Created));
        Assert.All(second, p => Assert.False(p.Created));
        Assert.Equal(first.Select(p => p.Block.Id), second.Select(p => p.Block.Id));
        Assert.Equal(blocks.Select(b => b.Serial), second.Select(p => p.Block.Serial));
        Assert.Equal(5000, _fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : BlockStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : BlockStoreTests(new PostgreSqlStoreFixture());
}
