using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Matching;

public sealed class StoredPackMatcherTests
{
    [Fact]
    public void A_new_recall_finds_the_stored_packs_it_concerns()
    {
        var product = Some.Product(Some.Lots("A53014"));
        PackIdentity[] packs =
        [
            Some.Pack(lot: "A53014"),
            Some.Pack(lot: "B00001"),
            Some.Pack(),
            Some.Pack(lot: "a53014", key: "0" + Some.OtherCip13),
            Some.Pack(lot: "a 53014"),
        ];

        var matches = StoredPackMatcher.MatchingPacks(product, packs);

        Assert.Equal([new PackMatch(0, MatchOutcome.Concerned), new PackMatch(2, MatchOutcome.CannotTell), new PackMatch(4, MatchOutcome.Concerned)], matches);
    }

    [Fact]
    public void A_product_of_another_code_does_not_concern_the_pack() =>
        Assert.Equal(MatchOutcome.NotConcerned, StoredPackMatcher.Match(Some.Product(LotSelector.All, Some.OtherCip13), Some.Pack(lot: "A53014")));

    [Fact]
    public void A_CIP7_product_concerns_no_stored_pack_and_must_be_flagged_by_the_caller()
    {
        var product = Some.Product(LotSelector.All, "3027038", CodeScheme.Cip7);

        Assert.Empty(StoredPackMatcher.MatchingPacks(product, [Some.Pack(lot: "A53014")]));
        Assert.Null(ProductKey.Of(product));
    }
}
