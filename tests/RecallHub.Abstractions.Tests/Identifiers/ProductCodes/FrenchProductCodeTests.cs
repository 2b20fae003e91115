using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.ProductCodes;

public sealed class FrenchProductCodeTests
{
    [Fact]
    public void IsCip13_RecognisesEveryRealCip13()
    {
        foreach (var cip13 in Some.RealCip13s)
        {
            Assert.True(FrenchProductCode.IsCip13(cip13), cip13);
            Assert.False(FrenchProductCode.IsAcl13(cip13), cip13);
        }
    }

    [Theory]
    [InlineData("3400930270386")] // bad check digit
    [InlineData("3401560012347")] // ACL13
    [InlineData("3760289220694")] // a cosmetic's ordinary GTIN
    [InlineData("340093027038")]
    public void IsCip13_RejectsOtherCodes(string code) => Assert.False(FrenchProductCode.IsCip13(code));

    [Theory]
    [InlineData("3401560012347")]
    [InlineData("3401560012354")]
    public void IsAcl13_RecognisesAcl13s(string code) => Assert.True(FrenchProductCode.IsAcl13(code));

    [Theory]
    [InlineData("03400930270387", "3400930270387", null)]
    [InlineData("3400930270387", "3400930270387", null)]
    [InlineData("03401560012347", null, "3401560012347")]
    [InlineData("13400930270384", null, null)] // a case GTIN (indicator 1) is not the pack's CIP13
    [InlineData("03760289220694", null, null)]
    [InlineData("03400930270386", null, null)]
    public void FromGtin_FindsTheFrenchCodeInsideAGtin(string gtin, string? cip13, string? acl13)
    {
        Assert.Equal(cip13, FrenchProductCode.Cip13FromGtin(gtin));
        Assert.Equal(acl13, FrenchProductCode.Acl13FromGtin(gtin));
    }

    [Theory]
    [InlineData("2699033")] // keyed CIP7 inside CIP13 3400926990336
    [InlineData("3222563")]
    [InlineData("3365759")]
    [InlineData("3461546")]
    [InlineData("5577520")]
    [InlineData("5839799")]
    public void IsValidCip7_AcceptsRealLegacyCodes(string cip7) => Assert.True(FrenchProductCode.IsValidCip7(cip7));

    [Theory]
    [InlineData("2699034")]
    [InlineData("269903")]
    [InlineData("26990a3")]
    public void IsValidCip7_RejectsABadKeyOrShape(string cip7) => Assert.False(FrenchProductCode.IsValidCip7(cip7));

    [Fact]
    public void ComputeSevenDigitKey_WeightsTheDigitsTwoToSevenModuloEleven()
    {
        // 2*2 + 6*3 + 9*4 + 9*5 + 0*6 + 3*7 = 124; 124 mod 11 = 3
        Assert.Equal(3, FrenchProductCode.ComputeSevenDigitKey("269903"));
        Assert.Equal(-1, FrenchProductCode.ComputeSevenDigitKey("12345"));
        Assert.True(FrenchProductCode.IsValidAcl7("2699033"));
    }
}
