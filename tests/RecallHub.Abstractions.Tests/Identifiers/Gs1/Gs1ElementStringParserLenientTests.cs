using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1ElementStringParserLenientTests
{
    private static readonly Gs1ParserOptions Options = Some.Gs1Options();

    [Fact]
    public void ReadLenient_ReadsACodeWithASingleSplitAsANormalReading()
    {
        var reading = Gs1ElementStringParser.ReadLenient("]d2" + "0103400930270387" + "17280229" + "21ABCDEF", Options);
        Assert.True(reading.IsValid);
        Assert.False(reading.IsAmbiguous);
        Assert.Empty(reading.Alternatives);
        Assert.Equal("ABCDEF", reading.Serial);
    }

    [Fact]
    public void ReadLenient_FindsTheOnlyValidSplitWhenGsIsDropped()
    {
        // A 20-letter lot is as long as AI 10 allows, so the serial can only start right after it.
        var reading = Gs1ElementStringParser.ReadLenient("]d2010340093027038717280229" + "10ABCDEFGHIJKLMNOPQRST" + "21XYZ", Options);
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.False(reading.IsAmbiguous);
        Assert.Equal("ABCDEFGHIJKLMNOPQRST", reading.Lot);
        Assert.Equal("XYZ", reading.Serial);
    }

    [Fact]
    public void ReadLenient_ReportsEveryValidSplitAndPicksNone()
    {
        // Without GS, "10A5301421XYZ" is either lot A53014 + serial XYZ, or lot A5301421XYZ with no serial.
        var reading = Gs1ElementStringParser.ReadLenient("]d2010340093027038717280229" + "10A5301421XYZ", Options);
        Assert.True(reading.IsAmbiguous);
        Assert.False(reading.IsValid);
        Assert.Equal("GS1_AMBIGUOUS", Assert.Single(reading.Errors).Code);
        Assert.Contains(reading.Alternatives, r => r.Lot == "A53014" && r.Serial == "XYZ");
        Assert.Contains(reading.Alternatives, r => r.Lot == "A5301421XYZ" && r.Serial is null);
        Assert.All(reading.Alternatives, r => Assert.True(r.IsValid));

        // Only what every reading agrees on is given.
        Assert.Equal("3400930270387", reading.Cip13);
        Assert.Equal(new DateOnly(2028, 2, 29), reading.Expiry);
        Assert.Null(reading.Lot);
        Assert.Null(reading.Serial);
    }

    [Fact]
    public void ReadLenient_DropsSplitsThatBreakAContentRule()
    {
        // "10AB" + "17281301" would be a lot then an impossible date (month 13): no reading may use it.
        var reading = Gs1ElementStringParser.ReadLenient("0103400930270387" + "10AB17281301", Options);
        var readings = reading.IsAmbiguous ? reading.Alternatives : [reading];
        Assert.NotEmpty(readings);
        Assert.All(readings, r => Assert.True(r.IsValid));
        Assert.All(readings, r => Assert.Null(r.Expiry));
        Assert.Contains(readings, r => r.Lot == "AB17281301");
        Assert.DoesNotContain(readings, r => r.Lot == "AB");
    }

    [Fact]
    public void ReadLenient_TrustsAValidReadingFromAScannerThatSendsGs()
    {
        // Without GS "10A53014" could be lot "A5" + count (30) "14"; the GS after it shows the scanner sends GS.
        var reading = Gs1ElementStringParser.ReadLenient(Some.PackDataMatrix(), Options);
        Assert.True(reading.IsValid);
        Assert.Equal("A53014", reading.Lot);

        var withoutGs = Gs1ElementStringParser.ReadLenient(Some.PackDataMatrix().Replace("\u001d", "", StringComparison.Ordinal), Options);
        Assert.True(withoutGs.IsAmbiguous);
        Assert.Contains(withoutGs.Alternatives, r => r.Lot == "A5" && r.Elements.Any(e => e is { Id: "30", Value: "14" }));
    }

    [Fact]
    public void ReadLenient_HonoursTheSeparatorsThatArePresent()
    {
        var reading = Gs1ElementStringParser.ReadLenient("0103400930270387" + "10ABCDEFGHIJKLMNOPQRST21XYZ\u001d17280229", Options);
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal("XYZ", reading.Serial);
        Assert.Equal(new DateOnly(2028, 2, 29), reading.Expiry);
    }

    [Fact]
    public void ReadLenient_ReturnsTheStrictErrorsWhenNoSplitIsValid()
    {
        var reading = Gs1ElementStringParser.ReadLenient("0103400930270386" + "10A", Options);
        Assert.False(reading.IsAmbiguous);
        Assert.Equal("GS1_INVALID_CHECK_DIGIT", Assert.Single(reading.Errors).Code);
    }

    [Fact]
    public void ReadLenient_StopsAtTheConfiguredNumberOfReadings()
    {
        var options = new Gs1ParserOptions { TimeProvider = Some.Clock(), MaxLenientReadings = 2 };
        var reading = Gs1ElementStringParser.ReadLenient("0103400930270387" + "10A21B21C21D21E", options);
        Assert.True(reading.IsAmbiguous);
        Assert.Equal(2, reading.Alternatives.Count);
        Assert.Contains("at least 2", reading.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLenient_NeverCallsACutShortSearchUnambiguous()
    {
        var options = new Gs1ParserOptions { TimeProvider = Some.Clock(), MaxLenientReadings = 1 };
        var reading = Gs1ElementStringParser.ReadLenient("0103400930270387" + "10A5301421XYZ", options);
        Assert.True(reading.IsAmbiguous);
        Assert.False(reading.IsValid);
        Assert.Single(reading.Alternatives);
    }
}
