using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

public abstract class RecallStoreTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_new_notice_creates_a_recall_with_its_revision_and_products()
    {
        await using var session = await _fixture.SessionAsync();

        var result = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Created, result.Outcome);
        Assert.Null(result.Changes);
        var recall = await session.Recalls.GetAsync(result.RecallId, _ct);
        Assert.NotNull(recall);
        Assert.Equal("MED26/A019/B018", recall.AlertNumber);
        Assert.Equal(NoticeKind.LotRecall, recall.Kind);
        Assert.Equal(RecallLevels.Pharmacies | RecallLevels.Hospitals, recall.RecallLevels);
        Assert.Equal(RecallStatus.Active, recall.Status);
        var product = Assert.Single(recall.Products);
        Assert.Equal((CodeScheme.Cip13, Notices.Cip13, "Doliprane 1000 mg"), (product.CodeScheme, product.Code, product.Label));
        Assert.Equal("A53014", Assert.Single(product.Selector.Lots).Lot);
        Assert.Equal(new DateOnly(2028, 2, 29), product.Selector.Lots[0].Expiry);
        var revision = Assert.Single(recall.Revisions);
        Assert.True(revision.IsCurrent);
        Assert.Equal(RecallNoticeJson.Serialize(Notices.LotRecall()), RecallNoticeJson.Serialize(revision.ReadNotice()));
        Assert.Equal(Notices.Gtin14, _fixture.Text("SELECT product_key FROM recall_products"));
    }

    [Fact]
    public async Task The_same_notice_twice_is_one_recall_with_one_revision()
    {
        await using var session = await _fixture.SessionAsync();

        var first = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);
        var second = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start.AddHours(1), _ct);

        Assert.Equal(RecallUpsertOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.RecallId, second.RecallId);
        Assert.Equal(first.RevisionId, second.RevisionId);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recall_revisions"));
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recall_products"));
    }

    [Fact]
    public async Task A_raw_payload_fetched_again_does_not_make_a_new_revision()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);

        var again = await session.Recalls.UpsertAsync(Notices.LotRecall() with { RawPayload = "<html>fetched again</html>" }, StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task Version_2_adding_a_lot_is_a_new_revision_that_says_what_changed()
    {
        await using var session = await _fixture.SessionAsync();
        var first = await session.Recalls.UpsertAsync(Notices.LotRecall(lots: ["A53014"]), StoreTestFixture.Start, _ct);

        var second = await session.Recalls.UpsertAsync(
            Notices.LotRecall(version: 2, lots: ["A53014", "B 60021"]) with { Title = "Doliprane – extension du rappel" }, StoreTestFixture.Start.AddDays(1), _ct);

        Assert.Equal(RecallUpsertOutcome.NewRevision, second.Outcome);
        Assert.Equal(first.RecallId, second.RecallId);
        var changes = Assert.IsType<RecallChangeSummary>(second.Changes);
        Assert.Equal([new LotChange(Notices.Gtin14, "B 60021")], changes.LotsAdded);
        Assert.Empty(changes.LotsRemoved);
        Assert.Empty(changes.ProductsAdded);
        Assert.Empty(changes.ProductsRemoved);
        Assert.Equal(["title"], changes.FieldsChanged);
        Assert.Equal($"lots added: {Notices.Gtin14} B 60021; fields changed: title", changes.ToString());

        var recall = (await session.Recalls.GetAsync(first.RecallId, _ct))!;
        Assert.Equal("Doliprane – extension du rappel", recall.Title);
        Assert.Equal(["A53014", "B 60021"], Assert.Single(recall.Products).Selector.Lots.Select(l => l.Lot));
        Assert.Equal(2, recall.Revisions.Count);
        Assert.False(recall.Revisions[0].IsCurrent);
        Assert.True(recall.Revisions[1].IsCurrent);
        Assert.Null(recall.Revisions[0].Changes);
        Assert.Equal(changes.ToString(), recall.Revisions[1].Changes?.ToString());
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recall_lots WHERE lot_key = 'B60021'"));
    }

    [Fact]
    public async Task A_revision_that_drops_a_product_and_adds_another_reports_both()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);

        var second = await session.Recalls.UpsertAsync(
            Notices.LotRecall(version: 2) with { Products = [Notices.Product(Notices.OtherCip13, "Z1")] }, StoreTestFixture.Start, _ct);

        var changes = second.Changes!;
        Assert.Equal(["0" + Notices.OtherCip13], changes.ProductsAdded);
        Assert.Equal([Notices.Gtin14], changes.ProductsRemoved);
    }

    [Fact]
    public async Task An_older_version_arriving_late_changes_nothing()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(version: 2), StoreTestFixture.Start, _ct);

        var late = await session.Recalls.UpsertAsync(Notices.LotRecall(version: 1, lots: ["OLD1"]), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Outdated, late.Outcome);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recall_revisions"));
    }

    [Fact]
    public async Task Another_source_with_the_same_alert_number_is_linked_not_duplicated()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);

        var dp = await session.Recalls.UpsertAsync(
            Notices.LotRecall(source: "dp-rappels", sourceId: "DP-2026-0042", alertNumber: " med26/a019/b018 ", lots: ["A53014", "C777"]), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Linked, dp.Outcome);
        Assert.Equal(ansm.RecallId, dp.RecallId);
        Assert.Equal([new LotChange(Notices.Gtin14, "C777")], dp.Changes!.LotsAdded);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(2, _fixture.Scalar("SELECT COUNT(*) FROM recall_links"));

        var active = Assert.Single(await session.Recalls.ListActiveAsync(_ct));
        Assert.Equal(ansm.RecallId, active.RecallId);
        Assert.Equal(2, active.Products.Count); // the current products of both sources

        var page = await session.Recalls.ListAsync(RecallFilter.All, Paging.First, _ct);
        var summary = Assert.Single(page.Items);
        Assert.Equal(["ansm", "dp-rappels"], summary.Sources);
        Assert.Equal(2, summary.RevisionCount);

        // The linked source's own next version is a revision of the same recall.
        var dp2 = await session.Recalls.UpsertAsync(
            Notices.LotRecall(source: "dp-rappels", sourceId: "DP-2026-0042", version: 2, lots: ["A53014"]), StoreTestFixture.Start, _ct);
        Assert.Equal(RecallUpsertOutcome.NewRevision, dp2.Outcome);
        Assert.Equal([new LotChange(Notices.Gtin14, "C777")], dp2.Changes!.LotsRemoved);
    }

    [Fact]
    public async Task Notices_without_an_alert_number_about_other_lots_are_not_linked()
    {
        await using var session = await _fixture.SessionAsync();
        var a = await session.Recalls.UpsertAsync(Notices.LotRecall(alertNumber: null, lots: ["A53014"]), StoreTestFixture.Start, _ct);
        var b = await session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", alertNumber: null, lots: ["B60021"]), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Created, b.Outcome);
        Assert.NotEqual(a.RecallId, b.RecallId);
    }

    [Fact]
    public async Task An_invalid_notice_is_refused_and_nothing_is_written()
    {
        await using var session = await _fixture.SessionAsync();
        var bad = Notices.LotRecall() with { Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270388", null, LotSelector.All)] };

        var error = await Assert.ThrowsAsync<RecallNoticeFormatException>(() => session.Recalls.UpsertAsync(bad, StoreTestFixture.Start, _ct));

        Assert.Contains("$.products[0].code", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM recall_revisions"));
    }

    [Fact]
    public async Task A_notice_stored_in_a_rolled_back_transaction_is_gone()
    {
        await using var session = await _fixture.SessionAsync();
        await using (var transaction = await session.BeginTransactionAsync(_ct))
        {
            await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);
            Assert.Single(await session.Recalls.ListActiveAsync(_ct)); // visible inside
            await transaction.RollbackAsync(_ct);
        }

        Assert.Empty(await session.Recalls.ListActiveAsync(_ct));
        Assert.Equal(0, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
    }

    [Fact]
    public async Task Listing_filters_by_source_and_kind_and_pages_newest_first()
    {
        await using var session = await _fixture.SessionAsync();
        for (int i = 0; i < 5; i++)
        {
            await session.Recalls.UpsertAsync(
                Notices.LotRecall(sourceId: $"n{i}", alertNumber: $"MED26/A{i:000}") with { PublishedAt = Notices.Published.AddDays(i) }, StoreTestFixture.Start, _ct);
        }

        await session.Recalls.UpsertAsync(
            Notices.LotRecall(source: "rappelconso", sourceId: "rc1", alertNumber: null) with
            {
                Kind = NoticeKind.ConsumerRecall,
                Products = [Notices.Product(Notices.OtherCip13, "RC1")],
            },
            StoreTestFixture.Start,
            _ct);

        var page = await session.Recalls.ListAsync(new RecallFilter { Source = "ansm" }, new Paging(1, 2), _ct);
        Assert.Equal(5, page.Total);
        Assert.Equal(["MED26/A003", "MED26/A002"], page.Items.Select(r => r.AlertNumber));

        var consumer = await session.Recalls.ListAsync(new RecallFilter { Kind = NoticeKind.ConsumerRecall }, Paging.First, _ct);
        Assert.Equal("rappelconso", Assert.Single(Assert.Single(consumer.Items).Sources));

        var byAlert = await session.Recalls.ListAsync(new RecallFilter { AlertNumber = "med26/a004" }, Paging.First, _ct);
        Assert.Equal(1, byAlert.Total);

        var since = await session.Recalls.ListAsync(new RecallFilter { PublishedFrom = Notices.Published.AddDays(3), Status = RecallStatus.Active }, Paging.First, _ct);
        Assert.Equal(2, since.Total);
    }

    [Fact]
    public async Task Listing_filters_by_when_the_hub_received_the_recall_not_when_it_was_published()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(sourceId: "old", alertNumber: "MED26/A100"), StoreTestFixture.Start, _ct);

        // Published last month, received today: new for the pharmacy.
        await session.Recalls.UpsertAsync(
            Notices.LotRecall(sourceId: "late", alertNumber: "MED26/A101") with { PublishedAt = Notices.Published.AddDays(-30) }, StoreTestFixture.Start.AddDays(1), _ct);

        var received = await session.Recalls.ListAsync(new RecallFilter { ReceivedFrom = StoreTestFixture.Start.AddHours(1), ReceivedBefore = StoreTestFixture.Start.AddDays(2) }, Paging.First, _ct);

        Assert.Equal("MED26/A101", Assert.Single(received.Items).AlertNumber);
    }

    [Fact]
    public async Task Recalls_survive_closing_and_reopening_the_file()
    {
        long recallId;
        await using (var session = await _fixture.SessionAsync())
        {
            recallId = (await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct)).RecallId;
        }

        _fixture.Close();
        await _fixture.OpenStoreAsync();
        await using var reopened = await _fixture.SessionAsync();

        var recall = await reopened.Recalls.GetAsync(recallId, _ct);
        Assert.NotNull(recall);
        Assert.Equal("<html>notice rappel-doliprane-2026 v1</html>", Assert.Single(recall.Revisions).RawPayload);
        Assert.Equal(RecallUpsertOutcome.Unchanged, (await reopened.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct)).Outcome);
    }

    [Fact]
    public async Task Selectors_with_serials_and_ranges_round_trip()
    {
        await using var session = await _fixture.SessionAsync();
        var selector = new LotSelector
        {
            Serials = [new SerialRange("0001", "0099")],
            ExpiryRange = new DateRange(new DateOnly(2027, 1, 1), null),
            ProductionRange = new DateRange(null, new DateOnly(2026, 6, 30)),
        };
        var notice = Notices.LotRecall() with { Products = [new RecalledProduct(CodeScheme.Cip13, Notices.Cip13, null, selector)] };

        await session.Recalls.UpsertAsync(notice, StoreTestFixture.Start, _ct);

        var product = Assert.Single(Assert.Single(await session.Recalls.ListActiveAsync(_ct)).Products);
        Assert.Equal(new SerialRange("0001", "0099"), Assert.Single(product.Selector.Serials));
        Assert.Equal(selector.ExpiryRange, product.Selector.ExpiryRange);
        Assert.Equal(selector.ProductionRange, product.Selector.ProductionRange);
        Assert.Null(product.Label);
    }

    [Fact]
    public async Task Get_of_an_unknown_recall_is_null()
    {
        await using var session = await _fixture.SessionAsync();

        Assert.Null(await session.Recalls.GetAsync(42, _ct));
    }

    [Fact]
    public async Task Active_recalls_carry_their_title_alert_number_and_the_actions_of_every_linked_notice()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);
        await session.Recalls.UpsertAsync(
            Notices.LotRecall(source: "dp-rappels", sourceId: "DP-2026-0042") with { Title = "Rappel DP", Actions = ["Retourner au laboratoire", "Informer les patients"] },
            StoreTestFixture.Start,
            _ct);
        await session.Recalls.UpsertAsync(
            Notices.LotRecall(sourceId: "sans-action", alertNumber: "R2619855") with { Title = "Avis sans action", Actions = [] }, StoreTestFixture.Start, _ct);

        var active = await session.Recalls.ListActiveAsync(_ct);

        Assert.Equal(2, active.Count);
        Assert.Equal(ansm.RecallId, active[0].RecallId);
        Assert.Equal("Doliprane 1000 mg, comprimé – Sanofi (MED26/A019/B018)", active[0].Title); // the recall's own headline
        Assert.Equal("MED26/A019/B018", active[0].AlertNumber);
        Assert.Equal(["Mettre en quarantaine", "Retourner au laboratoire", "Informer les patients"], active[0].Actions);
        Assert.Equal(("Avis sans action", "R2619855"), (active[1].Title, active[1].AlertNumber));
        Assert.Empty(active[1].Actions);
    }

    [Fact]
    public async Task Only_the_current_revision_gives_the_actions()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct);

        await session.Recalls.UpsertAsync(Notices.LotRecall(version: 2) with { Actions = ["Détruire les boîtes"], Title = "Doliprane – mise à jour" }, StoreTestFixture.Start, _ct);

        var active = Assert.Single(await session.Recalls.ListActiveAsync(_ct));
        Assert.Equal(["Détruire les boîtes"], active.Actions);
        Assert.Equal("Doliprane – mise à jour", active.Title);
    }

    [Fact]
    public async Task The_active_stamp_changes_with_every_notice_stored_and_not_with_an_unchanged_one()
    {
        await using var session = await _fixture.SessionAsync();
        var stamps = new List<string> { await session.Recalls.GetActiveStampAsync(_ct) };
        async Task<string> After(RecallUpsertOutcome expected, Func<Task<RecallUpsertResult>> upsert)
        {
            Assert.Equal(expected, (await upsert()).Outcome);
            string stamp = await session.Recalls.GetActiveStampAsync(_ct);
            stamps.Add(stamp);
            return stamp;
        }

        string created = await After(RecallUpsertOutcome.Created, () => session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start, _ct));
        string unchanged = await After(RecallUpsertOutcome.Unchanged, () => session.Recalls.UpsertAsync(Notices.LotRecall(), StoreTestFixture.Start.AddHours(1), _ct));
        string revised = await After(RecallUpsertOutcome.NewRevision, () => session.Recalls.UpsertAsync(Notices.LotRecall(version: 2, lots: ["A53014", "B1"]), StoreTestFixture.Start, _ct));
        string outdated = await After(RecallUpsertOutcome.Outdated, () => session.Recalls.UpsertAsync(Notices.LotRecall(version: 1, lots: ["OLD"]), StoreTestFixture.Start, _ct));
        string byAlert = await After(RecallUpsertOutcome.Linked, () => session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", sourceId: "DP-1"), StoreTestFixture.Start, _ct));
        string byProduct = await After(RecallUpsertOutcome.Linked, () => session.Recalls.UpsertAsync(Notices.LotRecall(source: "rappelconso", sourceId: "RC-1", alertNumber: null), StoreTestFixture.Start, _ct));
        string another = await After(RecallUpsertOutcome.Created, () => session.Recalls.UpsertAsync(
            Notices.LotRecall(sourceId: "autre", alertNumber: "MED26/A020/B019") with { Products = [Notices.Product(Notices.OtherCip13, "Z1")] }, StoreTestFixture.Start, _ct));

        Assert.Equal(created, unchanged);
        Assert.Equal(revised, outdated);
        Assert.Equal(6, new[] { stamps[0], created, revised, byAlert, byProduct, another }.Distinct().Count());

        var closedId = (await session.Recalls.ListActiveAsync(_ct))[^1].RecallId;
        _fixture.Execute($"UPDATE recalls SET status = 'closed' WHERE id = {closedId}");
        string closed = await session.Recalls.GetActiveStampAsync(_ct);
        Assert.DoesNotContain(closed, stamps);
        _fixture.Execute($"UPDATE recalls SET status = 'active' WHERE id = {closedId}");
        Assert.Equal(another, await session.Recalls.GetActiveStampAsync(_ct)); // the same set again
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : RecallStoreTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : RecallStoreTests(new PostgreSqlStoreFixture());
}
