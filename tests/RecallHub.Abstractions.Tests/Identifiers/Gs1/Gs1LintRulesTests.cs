using System.Diagnostics;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1LintRulesTests
{
    // The GS1 century rule reads YY between 1977 and 2076 in 2026.
    private const int Year = 2026;

    public static TheoryData<Gs1Linter, string> Valid => new()
    {
        { Gs1Linter.CheckDigit, "09506000134352" },
        { Gs1Linter.CheckDigit, "03400930270387" },
        { Gs1Linter.CheckDigit, "106141411234567897" },
        { Gs1Linter.CheckCharacterPair, "1987654Ad4X4bL5ttr2310c2K" },
        { Gs1Linter.CheckCharacterPair, "12345_0123456789:;<=>?62" },
        { Gs1Linter.CheckCharacterPair, "22" },
        { Gs1Linter.GcpKey, "0614141" },
        { Gs1Linter.GcpKey, "1234AB" },
        { Gs1Linter.GcpPosition1, "95012345" },
        { Gs1Linter.GcpKeyAfterFirst, "10614141" },
        { Gs1Linter.GcpPosition2, "A0614" },
        { Gs1Linter.GcpPosition2, "09506000134352" },
        { Gs1Linter.Date, "280229" }, // 2028 is a leap year
        { Gs1Linter.Date, "261231" },
        { Gs1Linter.DateOrDayZero, "260200" },
        { Gs1Linter.DateOrDayZero, "260228" },
        { Gs1Linter.LongDate, "20240229" },
        { Gs1Linter.LongDateOrDayZero, "20230200" },
        { Gs1Linter.DateHour, "26010123" },
        { Gs1Linter.HourMinute, "2359" },
        { Gs1Linter.HoursMinutes, "0000" },
        { Gs1Linter.HoursMinutes, "1230" },
        { Gs1Linter.Hour, "23" },
        { Gs1Linter.Minute, "59" },
        { Gs1Linter.Second, "00" },
        { Gs1Linter.Month, "12" },
        { Gs1Linter.MinuteOptionalSecond, "59" },
        { Gs1Linter.MinuteOptionalSecond, "5959" },
        { Gs1Linter.Iso3166, "250" }, // France
        { Gs1Linter.Iso3166, "004" },
        { Gs1Linter.Iso3166, "894" },
        { Gs1Linter.Iso3166Or999, "999" },
        { Gs1Linter.Iso3166Or999, "276" },
        { Gs1Linter.Iso3166Alpha2, "FR" },
        { Gs1Linter.Iso3166Alpha2, "GB" },
        { Gs1Linter.Iso3166List, "250" },
        { Gs1Linter.Iso3166List, "250276380724056" },
        { Gs1Linter.Iso4217, "978" }, // EUR
        { Gs1Linter.Iso4217, "840" },
        { Gs1Linter.Iso4217, "924" }, // ZWG, 2024
        { Gs1Linter.Iso5218, "0" },
        { Gs1Linter.Iso5218, "9" },
        { Gs1Linter.NonZero, "0001" },
        { Gs1Linter.NoZeroPrefix, "0" },
        { Gs1Linter.NoZeroPrefix, "100" },
        { Gs1Linter.Zero, "0" },
        { Gs1Linter.YesNo, "0" },
        { Gs1Linter.YesNo, "1" },
        { Gs1Linter.Winding, "9" },
        { Gs1Linter.PieceOfTotal, "0102" },
        { Gs1Linter.PieceOfTotal, "0202" },
        { Gs1Linter.PositionInSequence, "1/3" },
        { Gs1Linter.PositionInSequence, "9/10" },
        { Gs1Linter.HasNonDigit, "12A" },
        { Gs1Linter.ImporterIndex, "-" },
        { Gs1Linter.ImporterIndex, "z" },
        { Gs1Linter.Hyphen, "-" },
        { Gs1Linter.Latitude, "1800000000" },
        { Gs1Linter.Latitude, "0279085848" },
        { Gs1Linter.Longitude, "3600000000" },
        { Gs1Linter.MediaType, "01" },
        { Gs1Linter.MediaType, "10" },
        { Gs1Linter.MediaType, "80" },
        { Gs1Linter.MediaType, "99" },
        { Gs1Linter.PackageType, "BX" },
        { Gs1Linter.PackageType, "1A" },
        { Gs1Linter.PackageType, "X11" },
        { Gs1Linter.PackageType, "8" },
        { Gs1Linter.PercentEncoded, "ABC%20XYZ" },
        { Gs1Linter.PercentEncoded, "plain" },
        { Gs1Linter.Iban, "GB82WEST12345698765432" },
        { Gs1Linter.Iban, "FR7630006000011234567890189" },
        { Gs1Linter.Iban, "DE91100000000123456789" },
        { Gs1Linter.CouponCode, "012345612345611110123" },
        { Gs1Linter.CouponCode, "012345612345611110123" + "3261231" + "4260101" },
        { Gs1Linter.CouponCode, "012345612345611110123" + "1" + "0" + "11" + "0" + "123" + "9" + "5" + "0123456" + "9" + "0" + "0" + "1" + "1" },
        { Gs1Linter.CouponPositiveOffer, "001234561234560123456" },
        { Gs1Linter.CouponPositiveOffer, "061234567890121234569123456789012345" },
    };

    public static TheoryData<Gs1Linter, string, Gs1ErrorCode, int> Invalid => new()
    {
        { Gs1Linter.CheckDigit, "09506000134353", Gs1ErrorCode.InvalidCheckDigit, 13 },
        { Gs1Linter.CheckDigit, "7", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.CheckCharacterPair, "1987654Ad4X4bL5ttr2310cXK", Gs1ErrorCode.InvalidCheckDigit, 23 },
        { Gs1Linter.CheckCharacterPair, "1987654Ad4X4bL5ttr2310c2X", Gs1ErrorCode.InvalidCheckDigit, 24 },
        { Gs1Linter.CheckCharacterPair, "33", Gs1ErrorCode.InvalidCheckDigit, 0 },
        { Gs1Linter.CheckCharacterPair, "2", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.GcpKey, "12A4", Gs1ErrorCode.InvalidValue, 2 },
        { Gs1Linter.GcpKey, "123", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.GcpPosition1, "A234", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.GcpKeyAfterFirst, "1A23456", Gs1ErrorCode.InvalidValue, 1 },
        { Gs1Linter.GcpPosition2, "1234", Gs1ErrorCode.InvalidValue, 1 },
        { Gs1Linter.GcpPosition2, "9012A", Gs1ErrorCode.InvalidValue, 4 },
        { Gs1Linter.Date, "260229", Gs1ErrorCode.InvalidDate, 4 }, // 2026 is not a leap year
        { Gs1Linter.Date, "261301", Gs1ErrorCode.InvalidDate, 2 },
        { Gs1Linter.Date, "260100", Gs1ErrorCode.InvalidDate, 4 },
        { Gs1Linter.DateOrDayZero, "261300", Gs1ErrorCode.InvalidDate, 2 },
        { Gs1Linter.DateOrDayZero, "260231", Gs1ErrorCode.InvalidDate, 4 },
        { Gs1Linter.LongDate, "20230229", Gs1ErrorCode.InvalidDate, 6 },
        { Gs1Linter.LongDate, "20231301", Gs1ErrorCode.InvalidDate, 4 },
        { Gs1Linter.LongDate, "20230100", Gs1ErrorCode.InvalidDate, 6 },
        { Gs1Linter.LongDate, "00000101", Gs1ErrorCode.InvalidDate, 0 },
        { Gs1Linter.LongDateOrDayZero, "20230232", Gs1ErrorCode.InvalidDate, 6 },
        { Gs1Linter.DateHour, "26010124", Gs1ErrorCode.InvalidTime, 6 },
        { Gs1Linter.DateHour, "26023001", Gs1ErrorCode.InvalidDate, 4 },
        { Gs1Linter.HourMinute, "2400", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.HourMinute, "2360", Gs1ErrorCode.InvalidTime, 2 },
        { Gs1Linter.HoursMinutes, "9959", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.HoursMinutes, "1275", Gs1ErrorCode.InvalidTime, 2 },
        { Gs1Linter.Hour, "24", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.Minute, "60", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.Second, "61", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.Month, "13", Gs1ErrorCode.InvalidDate, 0 },
        { Gs1Linter.Month, "00", Gs1ErrorCode.InvalidDate, 0 },
        { Gs1Linter.MinuteOptionalSecond, "60", Gs1ErrorCode.InvalidTime, 0 },
        { Gs1Linter.MinuteOptionalSecond, "5960", Gs1ErrorCode.InvalidTime, 2 },
        { Gs1Linter.MinuteOptionalSecond, "595", Gs1ErrorCode.InvalidTime, 2 },
        { Gs1Linter.Iso3166, "999", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso3166, "000", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso3166, "2500", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso3166Or999, "998", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso3166Alpha2, "UK", Gs1ErrorCode.InvalidCode, 0 }, // the code of the United Kingdom is GB
        { Gs1Linter.Iso3166Alpha2, "fr", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso3166List, "250999", Gs1ErrorCode.InvalidCode, 3 },
        { Gs1Linter.Iso3166List, "2502", Gs1ErrorCode.InvalidValue, 3 },
        { Gs1Linter.Iso4217, "000", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iso4217, "250", Gs1ErrorCode.InvalidCode, 0 }, // the French franc is gone
        { Gs1Linter.Iso5218, "3", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.NonZero, "0000", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.NoZeroPrefix, "01", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Zero, "1", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.YesNo, "2", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Winding, "2", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PieceOfTotal, "0301", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PieceOfTotal, "0001", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PieceOfTotal, "0100", Gs1ErrorCode.InvalidValue, 2 },
        { Gs1Linter.PieceOfTotal, "123", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PositionInSequence, "4/3", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PositionInSequence, "10/9", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PositionInSequence, "0/3", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.PositionInSequence, "1/0", Gs1ErrorCode.InvalidValue, 2 },
        { Gs1Linter.PositionInSequence, "1-3", Gs1ErrorCode.InvalidValue, 1 },
        { Gs1Linter.PositionInSequence, "1/", Gs1ErrorCode.InvalidValue, 1 },
        { Gs1Linter.HasNonDigit, "123", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.ImporterIndex, "!", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.ImporterIndex, "AB", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Hyphen, "+", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Hyphen, "--x", Gs1ErrorCode.InvalidValue, 2 },
        { Gs1Linter.Latitude, "1800000001", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Latitude, "027908584", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Longitude, "3600000001", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.MediaType, "00", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.MediaType, "11", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.MediaType, "79", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.PackageType, "BXX", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.PackageType, "bx", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.PercentEncoded, "ABC%2GXYZ", Gs1ErrorCode.InvalidValue, 3 },
        { Gs1Linter.PercentEncoded, "100%", Gs1ErrorCode.InvalidValue, 3 },
        { Gs1Linter.PercentEncoded, "%20%2", Gs1ErrorCode.InvalidValue, 3 },
        { Gs1Linter.Iban, "GB82WEST12345698765433", Gs1ErrorCode.InvalidCheckDigit, 2 },
        { Gs1Linter.Iban, "XX361234567890", Gs1ErrorCode.InvalidCode, 0 },
        { Gs1Linter.Iban, "BE71", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.Iban, "GB82west12345698765432", Gs1ErrorCode.InvalidValue, 4 },
        { Gs1Linter.CouponCode, "71234567890123", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.CouponCode, "0123456123456", Gs1ErrorCode.InvalidValue, 13 },
        { Gs1Linter.CouponCode, "01234561234560", Gs1ErrorCode.InvalidValue, 13 },
        { Gs1Linter.CouponCode, "012345612345611115123", Gs1ErrorCode.InvalidValue, 17 },
        { Gs1Linter.CouponCode, "0123456123456111101A3", Gs1ErrorCode.InvalidValue, 19 },
        { Gs1Linter.CouponCode, "012345612345611110123" + "7", Gs1ErrorCode.InvalidValue, 21 },
        { Gs1Linter.CouponCode, "012345612345611110123" + "3261301", Gs1ErrorCode.InvalidDate, 24 },
        { Gs1Linter.CouponCode, "012345612345611110123" + "3260101" + "4261231", Gs1ErrorCode.InvalidDate, 22 },
        { Gs1Linter.CouponCode, "012345612345611110123" + "32601", Gs1ErrorCode.InvalidValue, 22 },
        { Gs1Linter.CouponPositiveOffer, "201234561234560123456", Gs1ErrorCode.InvalidValue, 0 },
        { Gs1Linter.CouponPositiveOffer, "07", Gs1ErrorCode.InvalidValue, 1 },
        { Gs1Linter.CouponPositiveOffer, "00123456123456", Gs1ErrorCode.InvalidValue, 14 },
        { Gs1Linter.CouponPositiveOffer, "0012345612345601234567", Gs1ErrorCode.InvalidValue, 21 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_AcceptsAValidComponent(Gs1Linter linter, string component)
    {
        bool ok = Gs1LintRules.Check(linter, component, Year, out var error, out int offset, out int expected);

        Assert.True(ok, $"{linter} rejected '{component}': {error} at {offset}");
        Assert.Equal(default, error);
        Assert.Equal(0, offset);
        Assert.Equal(-1, expected);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Check_RejectsAnInvalidComponentWithTheErrorAndWhere(Gs1Linter linter, string component, Gs1ErrorCode code, int at)
    {
        bool ok = Gs1LintRules.Check(linter, component, Year, out var error, out int offset, out _);

        Assert.False(ok, $"{linter} accepted '{component}'");
        Assert.Equal(code, error);
        Assert.Equal(at, offset);
        Assert.InRange(offset, 0, component.Length);
    }

    [Fact]
    public void EveryLinter_HasPassingAndFailingExamples()
    {
        var all = Enum.GetValues<Gs1Linter>();
        var passing = Valid.Select(row => row.Data.Item1).ToHashSet();
        var failing = Invalid.Select(row => row.Data.Item1).ToHashSet();

        Assert.Empty(all.Except(passing));
        Assert.Empty(all.Except(failing));
    }

    [Fact]
    public void CheckDigit_ReportsTheDigitItExpected()
    {
        Assert.False(Gs1LintRules.Check(Gs1Linter.CheckDigit, "09506000134353", Year, out _, out _, out int expected));
        Assert.Equal(2, expected);
    }

    [Fact]
    public void Date_UsesTheCenturyRule()
    {
        // In 2026, "00" is 2000 (a leap year) and "00" in 2160 would be 2200 (not a leap year).
        Assert.True(Gs1LintRules.Check(Gs1Linter.Date, "000229", Year, out _, out _, out _));
        Assert.False(Gs1LintRules.Check(Gs1Linter.Date, "000229", 2160, out var error, out int offset, out _));
        Assert.Equal(Gs1ErrorCode.InvalidDate, error);
        Assert.Equal(4, offset);
    }

    [Fact]
    public void Check_ThrowsForALinterItDoesNotKnow() =>
        Assert.Throws<UnreachableException>(() => Gs1LintRules.Check((Gs1Linter)999, "1", Year, out _, out _, out _));

    [Fact]
    public void Check_NeverThrowsWhateverTheComponent()
    {
        string[] samples = ["", "0", "9", "00", "-", "%", "/", "1/", "A", "ZZZZ", "%%%", "é", "99999999999999999999", "0000000000000000000000000000000000", new string('z', 120)];
        foreach (var linter in Enum.GetValues<Gs1Linter>())
        {
            foreach (string sample in samples)
            {
                var exception = Record.Exception(() => Gs1LintRules.Check(linter, sample, Year, out _, out _, out _));
                Assert.True(exception is null, $"{linter} threw on '{sample}': {exception}");
            }
        }
    }

    [Fact]
    public void Check_DoesNotAllocate()
    {
        var valid = Valid.Select(row => (row.Data.Item1, row.Data.Item2)).ToArray();
        var invalid = Invalid.Select(row => (row.Data.Item1, row.Data.Item2)).ToArray();
        RunAll(valid, invalid); // warm up the tables

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunAll(valid, invalid);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        static void RunAll((Gs1Linter, string)[] valid, (Gs1Linter, string)[] invalid)
        {
            foreach (var (linter, value) in valid)
            {
                Gs1LintRules.Check(linter, value, Year, out _, out _, out _);
            }

            foreach (var (linter, value) in invalid)
            {
                Gs1LintRules.Check(linter, value, Year, out _, out _, out _);
            }
        }
    }

    [Fact]
    public void EveryLinterOfTheTable_AcceptsAtLeastOneExample()
    {
        var used = ApplicationIdentifiers.All.SelectMany(ai => ai.Components).SelectMany(c => c.Linters).ToHashSet();
        var passing = Valid.Select(row => row.Data.Item1).ToHashSet();
        Assert.Subset(passing, used);
    }

    [Theory]
    [InlineData("iso3166", 249)]
    [InlineData("iso3166alpha2", 249)]
    [InlineData("iso4217", 181)]
    [InlineData("packagetype", 431)]
    public void CodeLists_HaveTheSizeOfTheirSource(string list, int expected)
    {
        int count = list switch
        {
            "iso3166" => Iso3166Codes.Count,
            "iso3166alpha2" => Iso3166Alpha2Codes.Count,
            "iso4217" => Iso4217Codes.Count,
            _ => PackageTypeCodes.Count,
        };
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("250", "FR")]
    [InlineData("276", "DE")]
    [InlineData("826", "GB")]
    [InlineData("840", "US")]
    [InlineData("531", "CW")]
    [InlineData("728", "SS")]
    public void CountryLists_KnowCurrentCountries(string numeric, string alpha2)
    {
        Assert.True(Iso3166Codes.Contains(numeric));
        Assert.True(Iso3166Alpha2Codes.Contains(alpha2));
    }

    [Theory]
    [InlineData("530", "AN")] // Netherlands Antilles, withdrawn in 2010
    [InlineData("891", "CS")] // Serbia and Montenegro, withdrawn in 2006
    [InlineData("736", "YU")] // Yugoslavia / Sudan before 2011
    public void CountryLists_RejectWithdrawnCountries(string numeric, string alpha2)
    {
        Assert.False(Iso3166Codes.Contains(numeric));
        Assert.False(Iso3166Alpha2Codes.Contains(alpha2));
    }
}
