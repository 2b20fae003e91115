using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class AiPatternTests
{
    [Theory]
    [InlineData("01", "01", true)]
    [InlineData("01", "02", false)]
    [InlineData("310n", "3100", true)]
    [InlineData("310n", "3105", true)]
    [InlineData("310n", "3115", false)]
    [InlineData("31nn", "3125", true)]
    [InlineData("31nn", "3200", false)]
    [InlineData("37", "3100", false)] // never across lengths
    public void Matches_ReadsTrailingNAsAnyDigit(string pattern, string code, bool expected)
    {
        Assert.True(ApplicationIdentifiers.TryFind(code, out var identifier));
        Assert.Equal(expected, AiPattern.Parse(pattern).Matches(identifier));
    }

    [Fact]
    public void Parse_RejectsAWildcardBeforeAFixedDigit() =>
        Assert.Contains("'3n0'", Assert.Throws<FormatException>(() => AiPattern.Parse("3n0")).Message, StringComparison.Ordinal);
}
