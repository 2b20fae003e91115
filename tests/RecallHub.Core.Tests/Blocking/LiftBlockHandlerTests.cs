using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Blocking;
using RecallHub.Core.Checking;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Blocking;

public sealed class LiftBlockHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lift_is_audited_announced_and_lets_that_pack_leave()
    {
        await using var engine = await EngineFixture.StartAsync();
        long blockId = await BlockedPackAsync(engine);

        var lifted = await engine.Mediator.Send(new LiftBlock(blockId, "  Marie Dupont ", "retourné au grossiste"), Token);

        Assert.Equal(new BlockLift("Marie Dupont", "retourné au grossiste", StoreFixture.Start), lifted.Lift);
        await using var session = await engine.SessionAsync();
        var audit = Assert.Single(await session.Audit.ListAsync($"block:{blockId}", Token));
        Assert.Equal(("Marie Dupont", "block.lifted", "retourné au grossiste"), (audit.Entry.Actor, audit.Entry.Action, audit.Entry.Details));
        var unblocked = (await engine.EventsAsync())[^1];
        Assert.Equal(HubEventType.StockUnblocked, unblocked.Type);
        Assert.Equal("Marie Dupont — retourné au grossiste", unblocked.Decision);
        Assert.Equal(blockId, unblocked.Pack!.BlockId);
        Assert.Equal(CheckVerdict.Allow, engine.Recalls.Checker.Check(Some.Scan(Some.DataMatrix(lot: "A53014", serial: "BOX1"))).Verdict);
    }

    [Theory]
    [InlineData("", "retourné", "by")]
    [InlineData("Marie Dupont", "   ", "reason")]
    public async Task A_lift_needs_a_named_person_and_a_reason(string by, string reason, string missing)
    {
        await using var engine = await EngineFixture.StartAsync();
        long blockId = await BlockedPackAsync(engine);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.Mediator.Send(new LiftBlock(blockId, by, reason), Token));

        Assert.Equal(missing, error.ParamName);
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM stock_blocks WHERE lifted_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_block_is_lifted_once()
    {
        await using var engine = await EngineFixture.StartAsync();
        long blockId = await BlockedPackAsync(engine);
        await engine.Mediator.Send(new LiftBlock(blockId, "Marie Dupont", "détruit"), Token);

        var error = await Assert.ThrowsAsync<BlockAlreadyLiftedException>(async () => await engine.Mediator.Send(new LiftBlock(blockId, "Paul Martin", "autre"), Token));

        Assert.Contains("Marie Dupont", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await engine.EventsAsync()).Count(e => e.Type == HubEventType.StockUnblocked));
    }

    [Fact]
    public async Task Lifting_an_unknown_block_says_so()
    {
        await using var engine = await EngineFixture.StartAsync();

        await Assert.ThrowsAsync<BlockNotFoundException>(async () => await engine.Mediator.Send(new LiftBlock(404, "Marie Dupont", "détruit"), Token));
    }

    private static async Task<long> BlockedPackAsync(EngineFixture engine)
    {
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);
        var scan = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014", serial: "BOX1"), PackEvent.Reception)]), Token);
        return Assert.Single(scan.Items[0].BlocksPlaced).Id;
    }
}
