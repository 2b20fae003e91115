using System.Collections.Frozen;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Tests.Matching;

public sealed class LotComparerTests
{
    [Theory]
    [InlineData("A53014", "a53014", true)]
    [InlineData("A53 014", "a53014", true)]
    [InlineData("\tA5 30 14 ", "A53014", true)]
    [InlineData("A53014", "053014", false)]
    [InlineData("0A53014", "A53014", false)]
    [InlineData("", "   ", true)]
    [InlineData("A", "", false)]
    public void Lots_compare_ignoring_case_and_white_space_only(string x, string y, bool equal)
    {
        var comparer = LotComparer.Instance;

        Assert.Equal(equal, comparer.Equals(x, y));
        Assert.Equal(equal, comparer.Equals(x.AsSpan(), y));
        if (equal)
        {
            Assert.Equal(comparer.GetHashCode(x), comparer.GetHashCode(y));
            Assert.Equal(comparer.GetHashCode(x), comparer.GetHashCode(y.AsSpan()));
        }
    }

    [Fact]
    public void A_frozen_set_finds_a_lot_from_the_scanned_text_without_normalising_it()
    {
        var lots = new[] { "A53014", "B00001", "X9" }.ToFrozenSet(LotComparer.Instance).GetAlternateLookup<ReadOnlySpan<char>>();
        const string scanned = "10a53 014\u001d21XYZ";

        Assert.True(lots.Contains(scanned.AsSpan(2, 7)));
        Assert.False(lots.Contains(scanned.AsSpan(2, 5)));
    }

    [Fact]
    public void Null_lots_are_only_equal_to_each_other()
    {
        Assert.True(LotComparer.Instance.Equals(null, null));
        Assert.False(LotComparer.Instance.Equals("A", null));
    }
}
