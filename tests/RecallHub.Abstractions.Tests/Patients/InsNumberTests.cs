using RecallHub.Abstractions.Patients;

namespace RecallHub.Abstractions.Tests.Patients;

public sealed class InsNumberTests
{
    [Theory]
    [InlineData("184127645108946", "184127645108946")]
    [InlineData("1 84 12 76 451 089 46", "184127645108946")]
    [InlineData("269052A12345688", "269052A12345688")] // Corsica: 2A counts as 19 in the key
    [InlineData("2 69 05 2b 123 456 18", "269052B12345618")] // 2B counts as 18
    public void A_valid_INS_is_written_in_its_compared_form(string text, string expected)
    {
        Assert.True(InsNumber.TryNormalize(text, out string normalized, out string? problem), problem);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("18412764510894", "15 characters")]
    [InlineData("584127645108946", "starts with")]
    [InlineData("1841276X5108946", "Character 8")]
    [InlineData("184127645108947", "key")]
    [InlineData("269052A12345618", "key")] // the 2B key on a 2A number
    [InlineData("2690A2112345688", "Character 5")]
    public void A_wrong_INS_is_refused_with_what_is_wrong_and_without_the_number(string text, string expected)
    {
        Assert.False(InsNumber.TryNormalize(text, out _, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("12764510", problem!, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => InsNumber.Normalize(text));
    }
}
