using System.Globalization;
using CsCheck;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Tests.Support;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Tests.Text;

public sealed class ProductCodeFinderTests
{
    private static readonly Gen<string> Cip13 = Gen.Char['0', '9'].Array[7]
        .Select(d => "34009" + new string(d))
        .Select(body => body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture));

    // A code written as people write it: in groups of 1 to 5 digits split by a space, a dot, a non-breaking space or nothing.
    private static Gen<string> Written(string code) =>
        Gen.Select(Gen.Int[1, 5].Array[13], Gen.OneOf(" ", ".", "\u00A0", "").Array[13], (sizes, separators) =>
        {
            var text = new System.Text.StringBuilder();
            int at = 0;
            for (int i = 0; at < code.Length; i++)
            {
                int size = Math.Min(sizes[i], code.Length - at);
                text.Append(code, at, size);
                at += size;
                if (at < code.Length)
                {
                    text.Append(separators[i]);
                }
            }

            return text.ToString();
        });

    private static readonly Gen<string> Words = Gen.OneOf("boite", "de", "30", "gélules", "Lot", "A53014", "(péremption 02/2028)", "5 mg", "1.5", "CIP", ":", "-", "et")
        .Array[0, 8].Select(w => string.Join(" ", w));

    [Theory]
    [InlineData("Amlodipine EG 5 mg, gélule - boite de 30 (3400937944892) Lot A53014", "3400937944892")]
    [InlineData("boite de 90 gélules (CIP 34009 302 469 4 8) :", "3400930246948")]
    [InlineData("Chloraprep (CIP 34009 550 624 00)", "3400955062400")]
    [InlineData("GTIN 03400930270387", "3400930270387")]
    [InlineData("boite de 30 3400937944892", "3400937944892")]
    public void Find_ReadsEveryWrittenFormOfACip13(string text, string cip)
    {
        var found = Assert.Single(ProductCodeFinder.Find(text));

        Assert.Equal(CodeScheme.Cip13, found.Scheme);
        Assert.Equal(cip, found.Code);
    }

    [Fact]
    public void Find_ReadsDeviceIdentifiersAfterTheirLabel()
    {
        var found = ProductCodeFinder.Find("M0012345 (UDI-DI 08714729000013), M0012346 (IUD-ID : 0871 4729 0000 20), (01)03760000000017");

        Assert.Equal(["08714729000013", "08714729000020", "03760000000017"], found.Select(f => f.Code));
        Assert.All(found, f => Assert.Equal(CodeScheme.UdiDi, f.Scheme));
    }

    [Fact]
    public void Find_ReadsAcl13()
    {
        var found = Assert.Single(ProductCodeFinder.Find("Pansement exemple (ACL 3401560012347)"));

        Assert.Equal(CodeScheme.Acl13, found.Scheme);
    }

    [Theory]
    [InlineData("CIP 3400930270386")]
    [InlineData("Lot 0031234567")]
    [InlineData("31/01/2027")]
    public void Find_RefusesWrongCheckDigitsAndOtherNumbers(string text) => Assert.Empty(ProductCodeFinder.Find(text));

    [Fact]
    public void Find_ReadsEveryRealCip13OfTheExtract_SpacedAsAnsmWritesThem()
    {
        foreach (string cip in RealRecalls.All.SelectMany(r => RealRecalls.Strings(r, "cip13")).Distinct())
        {
            string spaced = $"{cip[..5]} {cip[5..8]} {cip[8..11]} {cip[11]} {cip[12]}";

            Assert.Equal(cip, Assert.Single(ProductCodeFinder.Find($"(CIP {spaced})")).Code);
        }
    }

    [Fact]
    public void AnyValidCip13_WrittenWithSpacesOrDots_IsFoundOnce_AndNeverTakenForLots() =>
        Cip13.SelectMany(cip => Gen.Select(Gen.Const(cip), Written(cip), Words, Words)).Sample((cip, written, before, after) =>
        {
            string text = $"{before} (CIP {written}) {after}";

            var codes = ProductCodeFinder.Find(text);

            var code = Assert.Single(codes, c => c.Code == cip);
            Assert.Equal(CodeScheme.Cip13, code.Scheme);
            var lots = LotFinder.FindAfterKeywords("Lot " + written, ProductCodeFinder.Find("Lot " + written));
            Assert.Empty(lots);
        });
}
