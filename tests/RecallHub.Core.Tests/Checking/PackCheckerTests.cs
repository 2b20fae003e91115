using RecallHub.Core.Checking;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Checking;

public sealed class PackCheckerTests
{
    private static readonly BlockLift Lift = new("Marie Dupont", "lot vérifié sur la boîte : non concerné", Some.Today);

    [Fact]
    public void A_concerned_pack_is_blocked_with_the_recall_named()
    {
        var result = Checker().Check(Some.Scan(Some.DataMatrix(lot: "A53014")));

        Assert.Equal(CheckVerdict.Block, result.Verdict);
        Assert.False(result.NeedsManualCheck);
        Assert.Contains("« Doliprane » (MED26/A019/B018)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_of_another_lot_is_allowed()
    {
        var result = Checker().Check(Some.Scan(Some.DataMatrix(lot: "B00001")));

        Assert.Equal(CheckVerdict.Allow, result.Verdict);
        Assert.Empty(result.Recalls);
    }

    [Fact]
    public void A_lifted_block_on_this_very_box_lets_it_leave_and_says_who_decided()
    {
        var lifted = new LiftedBlocks([Block(lot: "A53014", serial: "7GH29KXW41Q", lift: Lift)]);

        var result = Checker(lifted).Check(Some.Scan(Some.DataMatrix(lot: "A53014", serial: "7GH29KXW41Q")));

        Assert.Equal(CheckVerdict.Allow, result.Verdict);
        Assert.Contains("Marie Dupont", result.Message, StringComparison.Ordinal);
        Assert.Contains("22/11/2026", result.Message, StringComparison.Ordinal);
        var concern = Assert.Single(result.Recalls);
        Assert.Equal(Lift, concern.Lift);
        Assert.Equal(9, concern.LiftedBlockId);
    }

    [Fact]
    public void A_lift_of_one_box_does_not_let_another_box_of_the_lot_through()
    {
        var lifted = new LiftedBlocks([Block(lot: "A53014", serial: "7GH29KXW41Q", lift: Lift)]);

        var result = Checker(lifted).Check(Some.Scan(Some.DataMatrix(lot: "A53014", serial: "OTHERBOX0001")));

        Assert.Equal(CheckVerdict.Block, result.Verdict);
        Assert.Null(Assert.Single(result.Recalls).Lift);
    }

    [Fact]
    public void A_lift_of_a_lot_scanned_without_serials_does_not_cover_a_serialised_box_of_that_lot()
    {
        var lifted = new LiftedBlocks([Block(lot: "a53 014", serial: null, lift: Lift)]);

        Assert.Equal(CheckVerdict.Block, Checker(lifted).Check(Some.Scan(Some.DataMatrix(lot: "A53014"))).Verdict);
        Assert.Equal(CheckVerdict.Allow, Checker(lifted).Check(Some.Scan($"]d201{Some.Gtin14}1728022910A53014")).Verdict);
    }

    [Fact]
    public void A_lift_for_another_recall_does_not_lift_this_one()
    {
        var lifted = new LiftedBlocks([Block(lot: "A53014", serial: "7GH29KXW41Q", lift: Lift) with { RecallId = 8 }]);

        Assert.Equal(CheckVerdict.Block, Checker(lifted).Check(Some.Scan(Some.DataMatrix(lot: "A53014", serial: "7GH29KXW41Q"))).Verdict);
    }

    [Fact]
    public void Blocks_that_still_hold_are_not_lifts()
    {
        var lifted = new LiftedBlocks([Block(lot: "A53014", serial: "7GH29KXW41Q", lift: null)]);

        Assert.Equal(0, lifted.Count);
        Assert.Equal(CheckVerdict.Block, Checker(lifted).Check(Some.Scan(Some.DataMatrix(lot: "A53014", serial: "7GH29KXW41Q"))).Verdict);
    }

    [Fact]
    public void With_lifted_keeps_the_recalls_and_swaps_the_lifts()
    {
        var checker = Checker();
        var lifted = checker.WithLifted(new LiftedBlocks([Block(lot: "A53014", serial: "7GH29KXW41Q", lift: Lift)]));

        Assert.Equal(checker.RecallCount, lifted.RecallCount);
        Assert.Equal(CheckVerdict.Block, checker.Check(Some.Scan(Some.DataMatrix())).Verdict);
        Assert.Equal(CheckVerdict.Allow, lifted.Check(Some.Scan(Some.DataMatrix())).Verdict);
    }

    private static PackChecker Checker(LiftedBlocks? lifted = null)
    {
        var notice = Some.Notice(Some.Product(Some.Lots("A53014")));
        var index = ActiveRecallIndex.Build(Some.Indexed(7, notice));
        var recalls = new Dictionary<long, RecallConcern>
        {
            [7] = new RecallConcern(7, "Doliprane", "MED26/A019/B018", MatchOutcome.Concerned, ["Mettre en quarantaine"]),
        };
        return new PackChecker(index, recalls, lifted);
    }

    private static StockBlock Block(string? lot, string? serial, BlockLift? lift) =>
        new(9, 7, Some.Gtin14, Some.Gtin14, lot, serial, null, 1, "comptoir-1", false, Some.Today, "rappel", lift);
}
