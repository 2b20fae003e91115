using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Ingestion;

public sealed class IngestNoticesHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recall_blocks_the_packs_in_stock_it_concerns_and_tells_every_sink()
    {
        await using var engine = await EngineFixture.StartAsync("lgo", "mail");
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014", serial: "BOX1"), Some.DataMatrix(lot: "A53014", serial: "BOX2"), Some.DataMatrix(lot: "ZZ999", serial: "BOX3"));

        var report = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        var ingestion = Assert.Single(report.Notices);
        Assert.Equal(RecallUpsertOutcome.Created, ingestion.Upsert.Outcome);
        Assert.Equal(2, ingestion.BlocksPlaced);
        await using var session = await engine.SessionAsync();
        var blocks = await session.Blocks.ListAsync(BlockFilter.All, Paging.First, Token);
        Assert.Equal(["BOX1", "BOX2"], blocks.Items.Select(b => b.Serial).Order());
        Assert.All(blocks.Items, b => Assert.Contains("MED26/A019/B018", b.Reason, StringComparison.Ordinal));
        foreach (string sink in new[] { "lgo", "mail" })
        {
            var events = await engine.EventsAsync(sink);
            Assert.Equal([HubEventType.RecallReceived, HubEventType.StockBlocked, HubEventType.StockBlocked], events.Select(e => e.Type));
            Assert.Equal(ingestion.Upsert.RecallId, events[0].RecallId);
            Assert.Equal("Doliprane 1000 mg, comprimé – Sanofi (MED26/A019/B018)", events[0].Notice!.Title);
            Assert.Equal(Notices.Cip13, events[1].Pack!.Cip13);
        }

        // The same events for both sinks: one id per event, whatever the sink.
        Assert.Equal((await engine.EventsAsync("lgo")).Select(e => e.Id), (await engine.EventsAsync("mail")).Select(e => e.Id));
    }

    [Fact]
    public async Task The_same_notice_twice_is_one_recall_and_blocks_nothing_more()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014"));

        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);
        var again = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        Assert.Equal(RecallUpsertOutcome.Unchanged, Assert.Single(again.Notices).Upsert.Outcome);
        Assert.Equal(0, again.BlocksPlaced);
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
        Assert.Equal(2, (await engine.EventsAsync()).Count);
    }

    [Fact]
    public async Task A_revision_that_adds_a_lot_blocks_the_new_lot_only()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014", serial: "OLD"), Some.DataMatrix(lot: "B77777", serial: "NEW"));
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        var revision = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(version: 2, lots: ["A53014", "B77777"])], "test"), Token);

        var ingestion = Assert.Single(revision.Notices);
        Assert.Equal(RecallUpsertOutcome.NewRevision, ingestion.Upsert.Outcome);
        Assert.Equal(1, ingestion.BlocksPlaced);
        var events = await engine.EventsAsync();
        Assert.Equal([HubEventType.RecallReceived, HubEventType.StockBlocked, HubEventType.RecallRevised, HubEventType.StockBlocked], events.Select(e => e.Type));
        Assert.Equal("NEW", events[3].Pack!.Serial);
        Assert.Contains("B77777", events[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispensed_packs_are_reported_when_the_recall_reaches_patients_and_not_again_on_revision()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014", serial: "GONE"), Some.DataMatrix(lot: "B77777", serial: "GONE2"));
        await ScanAsync(engine, PackEvent.Dispensation, Some.DataMatrix(lot: "A53014", serial: "GONE"), Some.DataMatrix(lot: "B77777", serial: "GONE2"));
        var toPatients = Notices.LotRecall(lots: "A53014") with { RecallLevels = RecallLevels.Pharmacies | RecallLevels.Patients };

        var first = await engine.Mediator.Send(new IngestNotices([toPatients], "test"), Token);
        var revised = await engine.Mediator.Send(new IngestNotices([toPatients with { Version = 2, Products = [Notices.Product(Notices.Cip13, "A53014", "B77777")] }], "test"), Token);

        Assert.Equal(1, first.DispensedPacks);
        Assert.Equal(0, first.BlocksPlaced);
        Assert.Equal(1, revised.DispensedPacks);
        var dispensed = (await engine.EventsAsync()).Where(e => e.Type == HubEventType.DispensedPackConcerned).ToList();
        Assert.Equal(["GONE", "GONE2"], dispensed.Select(e => e.Pack!.Serial));
        Assert.Contains("patient", dispensed[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispensed_packs_are_not_reported_when_the_recall_stops_at_pharmacies()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014", serial: "GONE"));
        await ScanAsync(engine, PackEvent.Dispensation, Some.DataMatrix(lot: "A53014", serial: "GONE"));

        var report = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        Assert.Equal(0, report.DispensedPacks);
        Assert.DoesNotContain(await engine.EventsAsync(), e => e.Type == HubEventType.DispensedPackConcerned);
    }

    [Fact]
    public async Task A_pack_scanned_without_its_lot_is_blocked_until_checked_by_hand()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Notices.Cip13);

        var report = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        Assert.Equal(1, report.BlocksPlaced);
        await using var session = await engine.SessionAsync();
        var block = Assert.Single((await session.Blocks.ListAsync(BlockFilter.All, Paging.First, Token)).Items);
        Assert.True(block.NeedsManualCheck);
        Assert.Null(block.Lot);
        Assert.Contains("Vérifier sur la boîte", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_information_notice_blocks_nothing()
    {
        await using var engine = await EngineFixture.StartAsync();
        await ScanAsync(engine, PackEvent.Reception, Some.DataMatrix(lot: "A53014"));

        var report = await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014") with { Kind = NoticeKind.Information }], "test"), Token);

        Assert.Equal(0, report.BlocksPlaced);
        Assert.Equal([HubEventType.RecallReceived], (await engine.EventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task Products_without_a_code_to_match_on_are_reported_for_people_to_check()
    {
        await using var engine = await EngineFixture.StartAsync();
        var notice = Notices.LotRecall(lots: "A53014") with
        {
            Products = [Notices.Product(Notices.Cip13, "A53014"), new RecalledProduct(CodeScheme.Cip7, "3027038", "Doliprane", LotSelector.All)],
        };

        var report = await engine.Mediator.Send(new IngestNotices([notice], "test"), Token);

        Assert.Equal("3027038", Assert.Single(Assert.Single(report.Notices).UnmatchableProducts).Code);
    }

    [Fact]
    public async Task A_bad_notice_in_a_batch_stores_nothing_and_does_not_advance_the_checkpoint()
    {
        await using var engine = await EngineFixture.StartAsync();
        var good = Notices.LotRecall(lots: "A53014");
        var bad = Notices.LotRecall(sourceId: "other") with { Title = "" };

        var error = await Assert.ThrowsAsync<RecallNoticeFormatException>(async () =>
            await engine.Mediator.Send(new IngestNotices([good, bad], "ansm") { Checkpoint = new SourceCheckpointAdvance("ansm", "page-2") }, Token));

        Assert.Contains(error.Problems, p => p.Path.StartsWith("$[1].title", StringComparison.Ordinal));
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM source_checkpoints"));
    }

    [Fact]
    public async Task The_checkpoint_is_committed_with_the_notices()
    {
        await using var engine = await EngineFixture.StartAsync();

        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "ansm") { Checkpoint = new SourceCheckpointAdvance("ansm", "page-2") }, Token);

        Assert.Equal("page-2", engine.Fixture.Text("SELECT checkpoint FROM source_checkpoints WHERE source_id = 'ansm'"));
    }

    [Fact]
    public async Task The_counter_knows_the_recall_as_soon_as_it_is_committed()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Recalls.RefreshAsync(Token);
        Assert.Equal(0, engine.Recalls.Checker.RecallCount);

        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        Assert.Equal(1, engine.Recalls.Checker.RecallCount);
    }

    private static async Task ScanAsync(EngineFixture engine, PackEvent @event, params string[] codes)
    {
        var result = await engine.Mediator.Send(new RecordScans([.. codes.Select(c => new ScanSubmission(c, @event))]), Token);
        Assert.Equal(0, result.Refused);
    }
}
