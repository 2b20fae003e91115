using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Tests.Storage;

/// <summary>Notices of different sources about the same product and lots are one recall (docs/notices.md, "Linking notices").</summary>
public abstract class ProductLinkTests(StoreTestFixture fixture) : IAsyncDisposable
{
    private const string OtherGtin = "0" + Notices.OtherCip13;

    private readonly StoreTestFixture _fixture = fixture;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    // The ANSM notice and, unless a test says otherwise, a RappelConso one about the same product without alert number.
    private static RecallNotice Ansm(params string[] lots) => Notices.LotRecall(lots: lots.Length == 0 ? ["A53014"] : lots);

    private static RecallNotice Other(string source = "rappelconso", string sourceId = "RC-2026-118", string? alertNumber = null, int days = 2, params string[] lots) =>
        Notices.LotRecall(source: source, sourceId: sourceId, alertNumber: alertNumber, lots: lots) with
        {
            Kind = NoticeKind.ConsumerRecall,
            Title = "doliprane 1000 mg comprimés",
            PublishedAt = Notices.Published.AddDays(days),
        };

    private static RecallNotice WithProducts(RecallNotice notice, params RecalledProduct[] products) => notice with { Products = products };

    private static RecalledProduct AllLots(string cip13 = Notices.Cip13) => new(CodeScheme.Cip13, cip13, null, LotSelector.All);

    private async Task<(RecallUpsertResult First, RecallUpsertResult Second)> StoreBothAsync(RecallNotice first, RecallNotice second)
    {
        await using var session = await _fixture.SessionAsync();
        var a = await session.Recalls.UpsertAsync(first, StoreTestFixture.Start, _ct);
        var b = await session.Recalls.UpsertAsync(second, StoreTestFixture.Start.AddDays(2), _ct);
        return (a, b);
    }

    private string? Link(string source) => _fixture.Text($"SELECT link_reason || ' ' || COALESCE(link_value, '') FROM recall_links WHERE source = '{source}'");

    [Fact]
    public async Task Another_source_naming_the_same_product_and_a_common_lot_is_linked_not_duplicated()
    {
        var (ansm, rc) = await StoreBothAsync(Ansm("A53014", "B60021"), Other(lots: ["a5 3014", "C777"]));

        Assert.Equal(RecallUpsertOutcome.Linked, rc.Outcome);
        Assert.Equal(ansm.RecallId, rc.RecallId);
        Assert.Equal($"product_lots {Notices.Gtin14} lots A53014", Link("rappelconso"));
        Assert.Equal([new LotChange(Notices.Gtin14, "C777")], rc.Changes!.LotsAdded);
        Assert.Equal(1, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));

        await using var session = await _fixture.SessionAsync();
        var recall = (await session.Recalls.GetAsync(ansm.RecallId, _ct))!;
        Assert.Equal("Doliprane 1000 mg, comprimé – Sanofi (MED26/A019/B018)", recall.Title); // the recall keeps its headline
        Assert.Equal(2, recall.Products.Count);
        Assert.Equal(2, recall.Revisions.Count);
    }

    [Fact]
    public async Task Every_common_lot_is_named_in_the_link()
    {
        await StoreBothAsync(Ansm("A53014", "B60021", "D1"), Other(lots: ["B60021", "A53014", "E2"]));

        Assert.Equal($"product_lots {Notices.Gtin14} lots A53014, B60021", Link("rappelconso"));
    }

    [Fact]
    public async Task Every_lot_of_a_product_overlaps_the_listed_lots_and_every_lot()
    {
        var (ansm, rc) = await StoreBothAsync(Ansm("A53014", "B60021"), WithProducts(Other(), AllLots()));

        Assert.Equal((RecallUpsertOutcome.Linked, ansm.RecallId), (rc.Outcome, rc.RecallId));
        Assert.Equal($"product_lots {Notices.Gtin14} lots A53014, B60021", Link("rappelconso"));

        await using var session = await _fixture.SessionAsync();
        var dp = await session.Recalls.UpsertAsync(WithProducts(Other(source: "acl-sante", sourceId: "ACL-9"), AllLots()), StoreTestFixture.Start, _ct);
        Assert.Equal((RecallUpsertOutcome.Linked, ansm.RecallId), (dp.Outcome, dp.RecallId));
        Assert.Equal($"product_lots {Notices.Gtin14} all lots", Link("acl-sante"));
    }

    [Fact]
    public async Task Listed_lots_overlap_a_recall_of_every_lot()
    {
        var (first, second) = await StoreBothAsync(WithProducts(Ansm(), AllLots()), Other(lots: ["C777"]));

        Assert.Equal((RecallUpsertOutcome.Linked, first.RecallId), (second.Outcome, second.RecallId));
        Assert.Equal($"product_lots {Notices.Gtin14} lots C777", Link("rappelconso"));
    }

    [Fact]
    public async Task Lots_with_nothing_in_common_are_two_recalls()
    {
        var (ansm, rc) = await StoreBothAsync(Ansm("A53014"), Other(lots: ["B60021"]));

        Assert.Equal(RecallUpsertOutcome.Created, rc.Outcome);
        Assert.NotEqual(ansm.RecallId, rc.RecallId);
    }

    [Fact]
    public async Task Another_product_with_the_same_lot_is_another_recall()
    {
        var (_, rc) = await StoreBothAsync(Ansm("A53014"), WithProducts(Other(), Notices.Product(Notices.OtherCip13, "A53014")));

        Assert.Equal(RecallUpsertOutcome.Created, rc.Outcome);
    }

    [Fact]
    public async Task A_second_notice_of_the_same_source_is_not_linked_by_product()
    {
        var (_, second) = await StoreBothAsync(Ansm("A53014"), Notices.LotRecall(sourceId: "autre-avis-ansm", alertNumber: null, lots: ["A53014"]));

        Assert.Equal(RecallUpsertOutcome.Created, second.Outcome);
    }

    [Fact]
    public async Task A_source_already_linked_to_the_recall_is_not_linked_again_by_product()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Ansm(), StoreTestFixture.Start, _ct);
        var dp = await session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", sourceId: "DP-1"), StoreTestFixture.Start, _ct);

        var dp2 = await session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", sourceId: "DP-2", alertNumber: null), StoreTestFixture.Start, _ct);

        Assert.Equal((RecallUpsertOutcome.Linked, ansm.RecallId), (dp.Outcome, dp.RecallId));
        Assert.Equal(RecallUpsertOutcome.Created, dp2.Outcome);
    }

    [Fact]
    public async Task A_closed_recall_gets_no_new_link()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Ansm(), StoreTestFixture.Start, _ct);
        _fixture.Execute($"UPDATE recalls SET status = 'closed' WHERE id = {ansm.RecallId}");

        var rc = await session.Recalls.UpsertAsync(Other(lots: ["A53014"]), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Created, rc.Outcome);
    }

    [Theory]
    [InlineData(90, RecallUpsertOutcome.Linked)]
    [InlineData(-90, RecallUpsertOutcome.Linked)]
    [InlineData(91, RecallUpsertOutcome.Created)]
    [InlineData(-91, RecallUpsertOutcome.Created)]
    [InlineData(3 * 365, RecallUpsertOutcome.Created)]
    public async Task Notices_published_more_than_90_days_apart_are_not_linked(int days, RecallUpsertOutcome expected)
    {
        var (_, rc) = await StoreBothAsync(Ansm("A53014"), Other(days: days, lots: ["A53014"]));

        Assert.Equal(expected, rc.Outcome);
    }

    [Fact]
    public async Task Two_different_alert_numbers_are_two_recalls_even_for_the_same_lot()
    {
        var (_, dp) = await StoreBothAsync(Ansm("A53014"), Other(source: "dp-rappels", alertNumber: "MED26/A031/B022", lots: ["A53014"]));

        Assert.Equal(RecallUpsertOutcome.Created, dp.Outcome);
        Assert.Equal(2, _fixture.Scalar("SELECT COUNT(*) FROM recalls"));
    }

    [Fact]
    public async Task A_recall_without_alert_number_adopts_the_one_of_a_notice_linked_by_product()
    {
        await using var session = await _fixture.SessionAsync();
        var rc = await session.Recalls.UpsertAsync(Other(lots: ["A53014"]), StoreTestFixture.Start, _ct);

        var ansm = await session.Recalls.UpsertAsync(Ansm("A53014"), StoreTestFixture.Start, _ct);
        var dp = await session.Recalls.UpsertAsync(Notices.LotRecall(source: "dp-rappels", sourceId: "DP-7", lots: ["Z1"]), StoreTestFixture.Start, _ct);

        Assert.Equal((RecallUpsertOutcome.Linked, rc.RecallId), (ansm.Outcome, ansm.RecallId));
        Assert.Equal("MED26/A019/B018", (await session.Recalls.GetAsync(rc.RecallId, _ct))!.AlertNumber);
        Assert.Equal((RecallUpsertOutcome.Linked, rc.RecallId), (dp.Outcome, dp.RecallId)); // by alert number, though its lot differs
        Assert.Equal("alert_number MED26/A019/B018", Link("dp-rappels"));
    }

    [Fact]
    public async Task Of_several_matching_recalls_the_one_published_closest_wins()
    {
        await using var session = await _fixture.SessionAsync();
        await session.Recalls.UpsertAsync(Notices.LotRecall(sourceId: "early", alertNumber: null) with { PublishedAt = Notices.Published.AddDays(-60) }, StoreTestFixture.Start, _ct);
        var close = await session.Recalls.UpsertAsync(Notices.LotRecall(sourceId: "close", alertNumber: null) with { PublishedAt = Notices.Published.AddDays(5) }, StoreTestFixture.Start, _ct);
        await session.Recalls.UpsertAsync(Notices.LotRecall(sourceId: "late", alertNumber: null) with { PublishedAt = Notices.Published.AddDays(30) }, StoreTestFixture.Start, _ct);

        var rc = await session.Recalls.UpsertAsync(Other(days: 0, lots: ["A53014"]), StoreTestFixture.Start, _ct);

        Assert.Equal((RecallUpsertOutcome.Linked, close.RecallId), (rc.Outcome, rc.RecallId));
    }

    [Fact]
    public async Task Only_the_current_products_of_a_recall_count()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Ansm("A53014"), StoreTestFixture.Start, _ct);
        await session.Recalls.UpsertAsync(Notices.LotRecall(version: 2, lots: ["B60021"]), StoreTestFixture.Start, _ct); // A53014 withdrawn from the recall

        var old = await session.Recalls.UpsertAsync(Other(lots: ["A53014"]), StoreTestFixture.Start, _ct);
        var current = await session.Recalls.UpsertAsync(Other(source: "acl-sante", lots: ["B60021"]), StoreTestFixture.Start, _ct);

        Assert.Equal(RecallUpsertOutcome.Created, old.Outcome);
        Assert.Equal((RecallUpsertOutcome.Linked, ansm.RecallId), (current.Outcome, current.RecallId));
    }

    [Fact]
    public async Task The_linked_notice_keeps_its_own_versions_and_the_active_recall_shows_both_sources()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Ansm("A53014"), StoreTestFixture.Start, _ct);
        await session.Recalls.UpsertAsync(Other(lots: ["A53014"]) with { Actions = ["Rapporter le produit en pharmacie"] }, StoreTestFixture.Start, _ct);

        var v2 = await session.Recalls.UpsertAsync(Other(lots: ["A53014", "C1"]) with { Version = 2, Actions = ["Rapporter le produit en pharmacie"] }, StoreTestFixture.Start, _ct);

        Assert.Equal((RecallUpsertOutcome.NewRevision, ansm.RecallId), (v2.Outcome, v2.RecallId));
        var active = Assert.Single(await session.Recalls.ListActiveAsync(_ct));
        Assert.Equal(2, active.Products.Count);
        Assert.Equal(["Mettre en quarantaine", "Retourner au laboratoire", "Rapporter le produit en pharmacie"], active.Actions);
        var summary = Assert.Single((await session.Recalls.ListAsync(RecallFilter.All, Paging.First, _ct)).Items);
        Assert.Equal(["ansm", "rappelconso"], summary.Sources);
    }

    /// <summary>The tests on SQLite.</summary>
    public sealed class OnSqlite() : ProductLinkTests(new StoreFixture());

    /// <summary>The tests on PostgreSQL.</summary>
    public sealed class OnPostgreSql() : ProductLinkTests(new PostgreSqlStoreFixture());
}
