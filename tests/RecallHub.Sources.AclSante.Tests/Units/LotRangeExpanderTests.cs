using System.Globalization;
using CsCheck;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.AclSante.Units;

namespace RecallHub.Sources.AclSante.Tests.Units;

public sealed class LotRangeExpanderTests
{
    [Theory]
    [InlineData("L2401", "L2405", "L2401,L2402,L2403,L2404,L2405")]
    [InlineData("0099", "0101", "0099,0100,0101")]
    [InlineData("A7", "a7", "A7")]
    public void NarrowRanges_AreListedLotByLot(string first, string last, string lots)
    {
        Assert.Equal(lots.Split(','), LotRangeExpander.Expand(new SerialRange(first, last)));
    }

    [Theory]
    [InlineData("L2401", "M2405")]
    [InlineData("L1", "L100")]
    [InlineData("L0001", "L9999")]
    [InlineData("LOT-A", "LOT-B")]
    public void RangesThatCannotBeListedSafely_AreLeftToPeople(string first, string last)
    {
        Assert.Null(LotRangeExpander.Expand(new SerialRange(first, last)));
    }

    [Fact]
    public void AnyNarrowRange_ListsEveryLotOnceInOrderFromFirstToLast()
    {
        Gen.Select(Gen.String[Gen.Char["ABCXYZ-"], 0, 3], Gen.Int[3, 8], Gen.Long[0, 99_999_999], Gen.Int[0, LotRangeExpander.MaxLots - 1]).Sample(t =>
        {
            var (prefix, width, start, span) = t;
            long max = (long)Math.Pow(10, width) - 1;
            long first = Math.Min(start, max - span);
            if (first < 0)
            {
                return;
            }

            string format = "D" + width.ToString(CultureInfo.InvariantCulture);
            string a = prefix + first.ToString(format, CultureInfo.InvariantCulture);
            string b = prefix + (first + span).ToString(format, CultureInfo.InvariantCulture);

            var lots = LotRangeExpander.Expand(new SerialRange(a, b));

            Assert.NotNull(lots);
            Assert.Equal(span + 1, lots.Count);
            Assert.Equal((a, b), (lots[0], lots[^1]));
            Assert.All(lots, l => Assert.Equal(a.Length, l.Length));
            Assert.Equal(lots.Count, lots.Distinct().Count());
        });
    }
}
