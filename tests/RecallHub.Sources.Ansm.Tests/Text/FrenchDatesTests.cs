using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Tests.Text;

public sealed class FrenchDatesTests
{
    [Theory]
    [InlineData("31/01/2027", 2027, 1, 31)]
    [InlineData("02/2028", 2028, 2, 29)]
    [InlineData("07/2028", 2028, 7, 31)]
    [InlineData("2026-08-19", 2026, 8, 19)]
    [InlineData("28 août 2026", 2026, 8, 28)]
    [InlineData("février 2027", 2027, 2, 28)]
    public void Parse_ReadsDaysAndExpiryMonths(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchDates.Parse(text));

    [Theory]
    [InlineData("NAB87201")]
    [InlineData("31/02/2027x")]
    [InlineData("")]
    public void Parse_RefusesWhatIsNoDate(string text) => Assert.Null(FrenchDates.Parse(text));

    [Fact]
    public void ParisMidnight_FollowsSummerAndWinterTime()
    {
        Assert.Equal(TimeSpan.FromHours(2), FrenchDates.ParisMidnight(new DateOnly(2026, 8, 19)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), FrenchDates.ParisMidnight(new DateOnly(2026, 1, 19)).Offset);
    }
}
