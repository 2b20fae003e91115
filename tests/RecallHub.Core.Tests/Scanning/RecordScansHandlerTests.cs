using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Checking;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Scanning;

public sealed class RecordScansHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pack_received_after_the_recall_is_blocked_on_the_spot()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "a53014", serial: "BOX1"), PackEvent.Reception) { Workstation = "réception" }]), Token);

        var item = Assert.Single(result.Items);
        Assert.NotNull(item.ScanId);
        Assert.Equal(CheckVerdict.Block, item.Check!.Verdict);
        var block = Assert.Single(item.BlocksPlaced);
        Assert.Equal(("BOX1", "réception", item.ScanId), (block.Serial, block.Workstation, block.ScanId));
        var events = await engine.EventsAsync();
        Assert.Equal(HubEventType.StockBlocked, events[^1].Type);
        Assert.Equal(block.Id, events[^1].Pack!.BlockId);
    }

    [Fact]
    public async Task A_scan_with_a_sealed_patient_is_stored_and_handed_over_to_the_sinks_in_the_same_transaction()
    {
        await using var engine = await EngineFixture.StartAsync();
        string code = Some.DataMatrix(lot: "A53014", serial: "IUD1");

        var result = await engine.Mediator.Send(new RecordScans(
        [
            new ScanSubmission(code, PackEvent.Implantation) { SealedPatient = "v1.SEALED", Prescriber = "Dr Martin (RPPS 10003456789)", Place = "Bloc 2", Operator = "Claire" },
            new ScanSubmission(Some.DataMatrix(serial: "OTHER"), PackEvent.Dispensation),
        ]), Token);

        Assert.Equal(2, result.Stored);
        var handover = Assert.Single(await engine.EventsAsync(), e => e.Type == HubEventType.PackHandedOver).Handover!;
        Assert.Equal((HandoverEvent.Implantation, code, "v1.SEALED", "Bloc 2", "Dr Martin (RPPS 10003456789)"), (handover.Event, handover.RawCode, handover.SealedPatient, handover.Place, handover.Prescriber));
        Assert.Equal((result.Items[0].ScanId!.Value, Notices.Gtin14, "A53014", "IUD1", "Claire"), (handover.ScanId, handover.UdiDi!, handover.Lot!, handover.Serial!, handover.Operator!));
        Assert.Equal("v1.SEALED", engine.Fixture.Text("SELECT sealed_patient FROM pack_scans WHERE serial = 'IUD1'"));
    }

    [Theory]
    [InlineData(PackEvent.Reception, "v1.SEALED", "SCAN_PATIENT_EVENT")]
    [InlineData(PackEvent.Implantation, "184127645108946", "SCAN_PATIENT_NOT_SEALED")]
    public async Task A_patient_on_a_scan_that_goes_to_nobody_or_not_sealed_is_refused_and_nothing_is_stored(PackEvent @event, string patient, string problem)
    {
        await using var engine = await EngineFixture.StartAsync();

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(), @event) { SealedPatient = patient }]), Token);

        Assert.Equal(problem, Assert.Single(Assert.Single(result.Items).Problems).Code);
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
        Assert.DoesNotContain(await engine.EventsAsync(), e => e.Type == HubEventType.PackHandedOver);
    }

    [Fact]
    public async Task Bad_codes_are_refused_one_by_one_and_the_rest_of_the_batch_is_stored()
    {
        await using var engine = await EngineFixture.StartAsync();
        string badCheckDigit = $"]d201{Notices.Gtin14[..^1]}0" + "17280229" + "10A53014";

        var result = await engine.Mediator.Send(new RecordScans(
        [
            new ScanSubmission(Some.DataMatrix(serial: "GOOD1"), PackEvent.Reception),
            new ScanSubmission(badCheckDigit, PackEvent.Reception),
            new ScanSubmission("", PackEvent.Reception),
            new ScanSubmission(Sscc(), PackEvent.Reception),
            new ScanSubmission(Some.DataMatrix(serial: "LATE"), PackEvent.Reception) { ScannedAt = Some.Today.AddDays(1) },
            new ScanSubmission(Some.DataMatrix(serial: "GOOD2"), PackEvent.Reception),
        ]), Token);

        Assert.Equal(2, result.Stored);
        Assert.Equal(4, result.Refused);
        Assert.Equal([0, 5], result.Items.Where(i => i.ScanId is not null).Select(i => i.Index));
        Assert.StartsWith("GS1_", Assert.Single(result.Items[1].Problems).Code, StringComparison.Ordinal);
        Assert.Equal("SCAN_EMPTY", Assert.Single(result.Items[2].Problems).Code);
        Assert.Equal("SCAN_NO_PRODUCT", Assert.Single(result.Items[3].Problems).Code);
        Assert.Equal("SCAN_IN_FUTURE", Assert.Single(result.Items[4].Problems).Code);
        Assert.Equal(2, engine.Fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
    }

    [Fact]
    public async Task A_refused_code_of_a_recalled_pack_still_gets_its_block_verdict()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014", serial: "X"), PackEvent.Reception) { ScannedAt = Some.Today.AddDays(2) }]), Token);

        var item = Assert.Single(result.Items);
        Assert.Null(item.ScanId);
        Assert.Equal(CheckVerdict.Block, item.Check!.Verdict);
        Assert.Empty(item.BlocksPlaced);
    }

    [Fact]
    public async Task Safety_information_does_not_stop_a_pack_at_the_counter()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014") with { Kind = Abstractions.Notices.NoticeKind.Information }], "test"), Token);

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014"), PackEvent.Reception)]), Token);

        Assert.Equal(CheckVerdict.Allow, result.Items[0].Check!.Verdict);
        Assert.Empty(result.Items[0].BlocksPlaced);
    }

    [Fact]
    public async Task Destroying_a_recalled_pack_does_not_block_it()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014"), PackEvent.Destruction)]), Token);

        Assert.Equal(CheckVerdict.Block, result.Items[0].Check!.Verdict);
        Assert.Empty(result.Items[0].BlocksPlaced);
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
    }

    [Fact]
    public async Task A_recall_stored_behind_the_engine_s_back_is_seen_by_the_next_scan()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Recalls.RefreshAsync(Token);
        await using (var session = await engine.SessionAsync())
        {
            // Another process (recallhub ingest, a second host) stores a recall: no notification reaches this engine.
            await session.Recalls.UpsertAsync(Notices.LotRecall(lots: "A53014"), Some.Today, Token);
        }

        var result = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014"), PackEvent.Reception)]), Token);

        Assert.Equal(CheckVerdict.Block, result.Items[0].Check!.Verdict);
    }

    [Fact]
    public async Task Scanning_again_a_box_whose_block_was_lifted_does_not_block_it_again()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Mediator.Send(new IngestNotices([Notices.LotRecall(lots: "A53014")], "test"), Token);
        var first = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014", serial: "BOX1"), PackEvent.Reception)]), Token);
        await engine.Mediator.Send(new Core.Blocking.LiftBlock(first.Items[0].BlocksPlaced[0].Id, "Marie Dupont", "lot vérifié : étiquette erronée"), Token);

        var again = await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(lot: "A53014", serial: "BOX1"), PackEvent.Dispensation)]), Token);

        Assert.Equal(CheckVerdict.Allow, again.Items[0].Check!.Verdict);
        Assert.Empty(again.Items[0].BlocksPlaced);
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM stock_blocks"));
    }

    // A logistic unit's label: valid GS1, but no product to match.
    private static string Sscc()
    {
        const string body = "03765432100000001";
        return "]d200" + body + Abstractions.Identifiers.Gs1.Gs1CheckDigit.Compute(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_checkpoint_given_with_the_scans_is_committed_with_them()
    {
        await using var engine = await EngineFixture.StartAsync();

        await engine.Mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(serial: "BOX1"), PackEvent.Reception)])
        {
            Checkpoint = new SourceCheckpointAdvance("import-scans:/tmp/scans.txt", "1"),
        }, Token);

        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
        Assert.Equal(1, engine.Fixture.Scalar("SELECT COUNT(*) FROM source_checkpoints WHERE source_id = 'import-scans:/tmp/scans.txt' AND checkpoint = '1'"));
    }

    [Fact]
    public async Task A_batch_larger_than_the_limit_is_refused_whole()
    {
        await using var engine = await EngineFixture.StartAsync();
        var scans = Enumerable.Repeat(new ScanSubmission(Some.DataMatrix(), PackEvent.Reception), RecordScans.MaxBatch + 1).ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.Mediator.Send(new RecordScans(scans), Token));

        Assert.Contains($"at most {RecordScans.MaxBatch}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, engine.Fixture.Scalar("SELECT COUNT(*) FROM pack_scans"));
    }
}
