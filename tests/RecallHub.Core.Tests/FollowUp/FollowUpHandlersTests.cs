using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.FollowUp;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.FollowUp;

public sealed class FollowUpHandlersTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_action_close_each_leave_an_audit_entry_and_closing_lifts_the_blocks_in_the_closers_name()
    {
        await using var engine = await EngineFixture.StartAsync("lgo");
        var (recallId, blockId) = await BlockedPackAsync(engine);

        await engine.Mediator.Send(new AcknowledgeRecall(recallId, "Léo Petit"), Token);
        await engine.Mediator.Send(new RecordRecallAction(recallId, FollowUpActionKind.Returned, 1, "Claire Martin", "bon de retour 42"), Token);
        var closed = await engine.Mediator.Send(new CloseRecall(recallId, "Claire Martin"), Token);

        Assert.Equal(FollowUpStage.Closed, FollowUpStages.Of(closed.FollowUp));
        Assert.Equal(blockId, Assert.Single(closed.LiftedBlocks).Id);
        Assert.Equal("Claire Martin", closed.LiftedBlocks[0].Lift!.By);
        Assert.Contains((await engine.EventsAsync()), e => e.Type == HubEventType.StockUnblocked && e.Decision!.StartsWith("Claire Martin", StringComparison.Ordinal));
        await using var session = await engine.SessionAsync();
        var audit = await session.Audit.ListRecentAsync(new Paging(0, 10), cancellationToken: Token);
        Assert.Equal(["recall.read", "recall.action", "block.lifted", "recall.closed"], audit.Items.Reverse().Select(e => e.Entry.Action));
        Assert.Equal("returned; quantity=1; bon de retour 42", audit.Items.Single(e => e.Entry.Action == "recall.action").Entry.Details);
    }

    [Fact]
    public async Task An_action_counts_as_reading_when_nobody_had()
    {
        await using var engine = await EngineFixture.StartAsync();
        var (recallId, _) = await BlockedPackAsync(engine);

        var followUp = await engine.Mediator.Send(new RecordRecallAction(recallId, FollowUpActionKind.NotConcerned, 0, "Claire Martin"), Token);

        Assert.Equal("Claire Martin", Assert.Single(followUp.Acknowledgements).By);
        Assert.Equal(FollowUpStage.ActionRecorded, FollowUpStages.Of(followUp));
    }

    [Fact]
    public async Task Closing_needs_an_action_first_and_happens_once()
    {
        await using var engine = await EngineFixture.StartAsync();
        var (recallId, _) = await BlockedPackAsync(engine);

        await Assert.ThrowsAsync<FollowUpStepException>(async () => await engine.Mediator.Send(new CloseRecall(recallId, "Claire Martin"), Token));
        await engine.Mediator.Send(new RecordRecallAction(recallId, FollowUpActionKind.Destroyed, 1, "Claire Martin"), Token);
        await engine.Mediator.Send(new CloseRecall(recallId, "Claire Martin"), Token);
        await Assert.ThrowsAsync<FollowUpStepException>(async () => await engine.Mediator.Send(new CloseRecall(recallId, "Paul Martin"), Token));
        await Assert.ThrowsAsync<FollowUpStepException>(async () => await engine.Mediator.Send(new AcknowledgeRecall(recallId, "Paul Martin"), Token));
    }

    [Fact]
    public async Task A_stock_action_needs_a_quantity()
    {
        await using var engine = await EngineFixture.StartAsync();
        var (recallId, _) = await BlockedPackAsync(engine);

        await Assert.ThrowsAsync<ArgumentException>(async () => await engine.Mediator.Send(new RecordRecallAction(recallId, FollowUpActionKind.Quarantined, null, "Claire Martin"), Token));
    }

    [Theory]
    [InlineData(NoticeKind.LotRecall, RecallLevels.Pharmacies | RecallLevels.Patients, 24)]
    [InlineData(NoticeKind.LotRecall, RecallLevels.Pharmacies, 48)]
    [InlineData(NoticeKind.DeviceFieldSafetyNotice, RecallLevels.Hospitals, 48)]
    [InlineData(NoticeKind.Information, RecallLevels.None, 168)]
    public void Deadlines_follow_the_severity(NoticeKind kind, RecallLevels levels, int hours)
    {
        Assert.Equal(StoreFixture.Start.AddHours(hours), FollowUpDeadline.Due(kind, levels, StoreFixture.Start));
    }

    private static async Task<(long RecallId, long BlockId)> BlockedPackAsync(EngineFixture engine)
    {
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);
        var scan = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014", serial: "BOX1"), PackEvent.Reception)]), Token);
        var block = Assert.Single(scan.Items[0].BlocksPlaced);
        return (block.RecallId, block.Id);
    }
}
