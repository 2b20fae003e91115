using RecallHub.Core.Checking;
using RecallHub.Core.Tests.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Checking;

public sealed class PackCheckerLoaderTests : IAsyncDisposable
{
    private readonly StoreFixture _fixture = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_recalled_pack_is_blocked_with_the_title_alert_number_and_actions_of_every_linked_notice()
    {
        await using var session = await _fixture.SessionAsync();
        var ansm = await session.Recalls.UpsertAsync(Notices.LotRecall(lots: ["A53014"]), StoreFixture.Start, _ct);
        await session.Recalls.UpsertAsync(
            Notices.LotRecall(source: "dp-rappels", sourceId: "DP-1", lots: ["B60021"]) with { Actions = ["Retourner au laboratoire", "Informer les patients"] },
            StoreFixture.Start,
            _ct);

        var checker = await PackCheckerLoader.LoadAsync(session.Recalls, _ct);
        var result = checker.Check(Some.Scan(Some.DataMatrix(lot: "B60021")));

        Assert.Equal(CheckVerdict.Block, result.Verdict);
        var concern = Assert.Single(result.Recalls);
        Assert.Equal(ansm.RecallId, concern.RecallId);
        Assert.Equal("Doliprane 1000 mg, comprimé – Sanofi (MED26/A019/B018)", concern.Title);
        Assert.Equal("MED26/A019/B018", concern.AlertNumber);
        Assert.Equal(["Mettre en quarantaine", "Retourner au laboratoire", "Informer les patients"], concern.Actions);
        Assert.Contains("(MED26/A019/B018)", result.Message, StringComparison.Ordinal);
        Assert.Equal(CheckVerdict.Allow, checker.Check(Some.Scan(Some.DataMatrix(lot: "Z9"))).Verdict);
    }

    [Fact]
    public async Task A_closed_recall_blocks_nothing()
    {
        await using var session = await _fixture.SessionAsync();
        var recall = await session.Recalls.UpsertAsync(Notices.LotRecall(lots: ["A53014"]), StoreFixture.Start, _ct);
        _fixture.Execute($"UPDATE recalls SET status = 'closed' WHERE id = {recall.RecallId}");

        var checker = await PackCheckerLoader.LoadAsync(session.Recalls, _ct);

        Assert.Equal(CheckVerdict.Allow, checker.Check(Some.Scan(Some.DataMatrix(lot: "A53014"))).Verdict);
    }
}
