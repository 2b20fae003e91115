using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1DateTests
{
    [Theory]
    [InlineData(26, 2026, 2026)]
    [InlineData(76, 2026, 2076)] // +50: still this century
    [InlineData(77, 2026, 1977)] // +51: previous century
    [InlineData(0, 2026, 2000)]
    [InlineData(99, 2026, 1999)]
    [InlineData(1, 2099, 2101)] // -98: next century
    [InlineData(49, 2099, 2149)] // -50: next century
    [InlineData(50, 2099, 2050)] // -49: this century
    public void ResolveYear_KeepsTheYearWithinMinus49To50YearsOfToday(int yy, int currentYear, int expected) =>
        Assert.Equal(expected, Gs1Date.ResolveYear(yy, currentYear));

    [Theory]
    [InlineData("280200", 2028, 2, 29)] // day 00 is the last day of a leap February
    [InlineData("270200", 2027, 2, 28)]
    [InlineData("261100", 2026, 11, 30)]
    [InlineData("281231", 2028, 12, 31)]
    public void TryRead_ResolvesDayZeroToTheLastDayOfTheMonth(string yymmdd, int year, int month, int day)
    {
        Assert.True(Gs1Date.TryRead(yymmdd, 2026, allowDayZero: true, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("280230")]
    [InlineData("271301")]
    [InlineData("270001")]
    [InlineData("270229")] // 2027 is not a leap year
    [InlineData("27 101")]
    [InlineData("2701")]
    public void TryRead_RejectsNonCalendarDates(string yymmdd) =>
        Assert.False(Gs1Date.TryRead(yymmdd, 2026, allowDayZero: true, out _));

    [Fact]
    public void TryRead_RejectsDayZeroWhereTheFieldDoesNotAllowIt() =>
        Assert.False(Gs1Date.TryRead("280200", 2026, allowDayZero: false, out _));

    [Fact]
    public void TryReadLong_ReadsFourDigitYears()
    {
        Assert.True(Gs1Date.TryReadLong("20280229", allowDayZero: false, out var date));
        Assert.Equal(new DateOnly(2028, 2, 29), date);
        Assert.False(Gs1Date.TryReadLong("20270229", allowDayZero: false, out _));
    }
}
