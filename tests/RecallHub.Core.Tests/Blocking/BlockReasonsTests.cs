using RecallHub.Core.Blocking;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Tests.Blocking;

public sealed class BlockReasonsTests
{
    [Theory]
    [InlineData("S1", "A53014", "la boîte n° S1 est concernée.")]
    [InlineData(null, "A53014", "le lot A53014 est concerné.")]
    [InlineData(null, null, "ce produit est concerné.")]
    public void ConcernedPack_IsSaidInCorrectFrench(string? serial, string? lot, string expected)
    {
        string reason = BlockReasons.Describe(new RecallHeadline("Amlodipine Biogaran 5 mg", "MED26/A019/B018"), MatchOutcome.Concerned, lot, serial);

        Assert.Equal($"Rappel « Amlodipine Biogaran 5 mg » (MED26/A019/B018) : {expected} Ne pas délivrer ; suivre la procédure du rappel.", reason);
    }

    [Fact]
    public void AlertNumberAlreadyInTheTitle_IsSaidOnce()
    {
        // Regression: ANSM titles carry the number, which the headline repeated: "(MED23/A022/B020) » (MED23/A022/B020)".
        var headline = new RecallHeadline("Amlodipine EG 5 mg, gélule (MED23/A022/B020)", "MED23/A022/B020");

        Assert.Equal("« Amlodipine EG 5 mg, gélule (MED23/A022/B020) »", headline.Quoted);
    }
}
