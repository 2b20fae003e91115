using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1CheckDigitTests
{
    [Theory]
    [InlineData("0950600013435", 2)] // GS1 Digital Link example GTIN 09506000134352
    [InlineData("10614141123456789", 7)] // GS1 General Specifications SSCC example
    [InlineData("340093027038", 7)] // CIP13 3400930270387
    [InlineData("061414100001", 2)]
    [InlineData("9501234567890", 3)]
    public void Compute_GivesTheDigitOfPublishedKeys(string body, int expected) =>
        Assert.Equal(expected, Gs1CheckDigit.Compute(body));

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    public void Compute_ReturnsMinusOneForNonDigits(string body) => Assert.Equal(-1, Gs1CheckDigit.Compute(body));

    [Fact]
    public void IsValid_AcceptsEveryRealCip13()
    {
        foreach (var cip13 in Some.RealCip13s)
        {
            Assert.True(Gs1CheckDigit.IsValid(cip13), cip13);
        }
    }

    [Theory]
    [InlineData("3400930270386")]
    [InlineData("3400930270388")]
    [InlineData("3400903270387")] // transposed digits
    [InlineData("7")]
    public void IsValid_RejectsACorruptedKey(string key) => Assert.False(Gs1CheckDigit.IsValid(key));
}
