using CsCheck;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.ProductCodes;

public sealed class GtinTests
{
    [Theory]
    [InlineData("3400930270387", "03400930270387")] // EAN-13 CIP13
    [InlineData("03400930270387", "03400930270387")]
    [InlineData("614141000012", "00614141000012")] // UPC-A
    [InlineData("96385074", "00000096385074")] // EAN-8
    [InlineData("3400 9302 7038 7", "03400930270387")] // printed in groups
    public void Normalize_PadsEveryGtinToFourteenDigits(string code, string expected) =>
        Assert.Equal(expected, Gtin.Normalize(code));

    [Theory]
    [InlineData("3400930270386")] // bad check digit
    [InlineData("340093027038")] // 12 digits but not a UPC-A check
    [InlineData("34009302703871")]
    [InlineData("123456789")]
    [InlineData("34009302703a7")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_ReturnsNullForAnythingElse(string? code) => Assert.Null(Gtin.Normalize(code));

    [Fact]
    public void TryNormalize_WritesIntoTheCallersBuffer()
    {
        Span<char> buffer = stackalloc char[14];
        Assert.True(Gtin.TryNormalize("96385074", buffer));
        Assert.Equal("00000096385074", buffer.ToString());
        Assert.False(Gtin.TryNormalize("96385074", stackalloc char[13]));
    }

    [Fact]
    public void AnyValidGtin13_NormalizesToTheSameNumberWithALeadingZero()
    {
        Gen.String[Gen.Char["0123456789"], 12, 12].Select(body => Some.GtinFrom("0" + body)[1..]).Sample(gtin13 =>
        {
            Assert.True(Gtin.IsValid(gtin13));
            Assert.Equal("0" + gtin13, Gtin.Normalize(gtin13));
        }, iter: 1_000);
    }
}
