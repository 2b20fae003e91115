using CsCheck;
using RecallHub.Sources.AclSante.Units;

namespace RecallHub.Sources.AclSante.Tests.Units;

public sealed class LotListParserTests
{
    private static readonly Gen<string> Lot = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/._ "], 1, 14]
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => l.Trim());

    private static readonly Gen<string> Separator = Gen.Int[0, 7].Select(i => ((string[])[",", ", ", ";", " ; ", "|", "\n", "\r\n", ",,"])[i]);

    [Theory]
    [InlineData("0031234567, 0031234568; 0031234569", new[] { "0031234567", "0031234568", "0031234569" })]
    [InlineData("L-24/01 | L-24/02\nL-24/03", new[] { "L-24/01", "L-24/02", "L-24/03" })]
    [InlineData("A 12, a12, B7", new[] { "A 12", "B7" })]
    [InlineData(" , ;", new string[0])]
    public void WrittenLists_AreSplitTrimmedAndDeduplicated(string text, string[] lots)
    {
        Assert.Equal(lots, LotListParser.Parse(text));
    }

    [Fact]
    public void AnyLots_ReadBackFromAnyJoiningInOrderOnceEach()
    {
        Gen.Select(Lot.Array[1, 8], Separator).Sample(t =>
        {
            var (lots, separator) = t;

            var read = LotListParser.Parse(string.Join(separator, lots));

            var expected = lots.DistinctBy(LotListParser.Key).ToList();
            Assert.Equal(expected, read);
        });
    }

    [Fact]
    public void AnyText_GivesTrimmedNonEmptyLotsWithoutSeparatorsOrDuplicates()
    {
        Gen.String[Gen.Char["AB1 ,;|\n\r-"], 0, 30].Sample(text =>
        {
            var lots = LotListParser.Parse(text);

            Assert.All(lots, lot =>
            {
                Assert.False(string.IsNullOrWhiteSpace(lot));
                Assert.Equal(lot.Trim(), lot);
                Assert.DoesNotContain(lot, c => c is ',' or ';' or '|' or '\n' or '\r');
            });
            Assert.Equal(lots.Count, lots.Select(LotListParser.Key).Distinct().Count());
        });
    }
}
