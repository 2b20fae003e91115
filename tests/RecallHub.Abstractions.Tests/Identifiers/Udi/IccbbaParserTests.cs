using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Udi;

namespace RecallHub.Abstractions.Tests.Identifiers.Udi;

public sealed class IccbbaParserTests
{
    private const string LettersAndDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static BarcodeReading Parse(string input) => IccbbaParser.Parse(input, Clock);

    private static void AssertValid(BarcodeReading reading)
    {
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => $"{e.Code}@{e.Position}: {e.Message}")));
        Assert.Equal(IdentifierScheme.Iccbba, reading.Scheme);
    }

    private static IdentifierError SingleError(BarcodeReading reading, string code)
    {
        IdentifierError error = Assert.Single(reading.Errors, e => e.Code == code);
        Assert.False(reading.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [Theory]
    [InlineData("=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031")]
    [InlineData("=+04035=/A9997XYZ100T0479=,000012=A99991712345600=>019031")]
    public void Parse_ReadsThePublishedUdiCompoundMessages(string input)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal("A9997XYZ100T0479", reading.UdiDi);
        Assert.Equal("000012", reading.Serial);
        Assert.Equal(new DateOnly(2019, 1, 31), reading.Expiry);
        Assert.Contains(reading.Elements, e => e.Id == "=" && e.Value == "A99991712345600");
        Assert.Equal("=+", reading.Elements[0].Id);
    }

    [Fact]
    public void Parse_ReadsThePublishedUdiWithProductionDateAndMphoLot()
    {
        BarcodeReading reading = Parse("=+06000=/A9999XYZ100T0476=,000025=A99971712345600=>019032=}017032&,1000000000000XYZ123");

        AssertValid(reading);
        Assert.Equal("A9999XYZ100T0476", reading.UdiDi);
        Assert.Equal("000025", reading.Serial);
        Assert.Equal(new DateOnly(2019, 2, 1), reading.Expiry);
        Assert.Equal(new DateOnly(2017, 2, 1), reading.ProductionDate);
        Assert.Equal("000000000000XYZ123", reading.Lot);
        Assert.Equal(["=+", "=/", "=,", "=", "=>", "=}", "&,1"], reading.Elements.Select(e => e.Id));
    }

    [Theory]
    [InlineData("=/A9997AB3456T0123")]
    [InlineData("]C0=/A9997AB3456T0123")]
    [InlineData("]d1=/A9997AB3456T0123\r\n")]
    public void Parse_ReadsAStandaloneProcessorProductIdentificationCode(string input)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal("A9997AB3456T0123", reading.UdiDi);
        Assert.Equal(input, reading.Input);
    }

    [Fact]
    public void Parse_ReadsTwoLinearSymbolsScannedTogether()
    {
        BarcodeReading reading = Parse("=A99991712345600=,000012");

        AssertValid(reading);
        Assert.Null(reading.UdiDi);
        Assert.Equal("000012", reading.Serial);
        Assert.Equal(["=", "=,"], reading.Elements.Select(e => e.Id));
    }

    [Theory]
    [InlineData("&>0183652359", 2018, 12, 31)]
    [InlineData("=>019031", 2019, 1, 31)]
    [InlineData("=>124060", 2124, 2, 29)]
    public void Parse_ReadsExpirationDatesWithTheirCentury(string input, int year, int month, int day)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal(new DateOnly(year, month, day), reading.Expiry);
    }

    [Theory]
    [InlineData("=}025001")]
    [InlineData("&}0250011200")]
    public void Parse_ReadsProductionDates(string input)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal(new DateOnly(2025, 1, 1), reading.ProductionDate);
    }

    [Fact]
    public void Parse_ReadsContainerAndItemManufacturerCatalogAndLotNumbers()
    {
        BarcodeReading reading = Parse("=)2XX00AB123&)00001234rZ=-XX00027QzE&-0000ABCDEF");

        AssertValid(reading);
        Assert.Equal(["=)", "&)", "=-", "&-"], reading.Elements.Select(e => e.Id));
        Assert.Equal("2XX00AB123", reading.Elements[0].Value);

        // The lot of an item other than a container is preferred to the container's.
        Assert.Equal("0000ABCDEF", reading.Lot);
    }

    [Fact]
    public void Parse_PrefersTheMphoLotToOtherLots()
    {
        BarcodeReading reading = Parse("&,1000000000000XYZ123&-0000ABCDEF");

        AssertValid(reading);
        Assert.Equal("000000000000XYZ123", reading.Lot);
    }

    [Fact]
    public void Parse_KeepsOtherFixedLengthStructuresAsElements()
    {
        BarcodeReading reading = Parse("=<E0206000=%5100&(N0000=A99991712345600");

        AssertValid(reading);
        Assert.Equal(["=<", "=%", "&(", "="], reading.Elements.Select(e => e.Id));
        Assert.Equal(["E0206000", "5100", "N0000", "A99991712345600"], reading.Elements.Select(e => e.Value));
    }

    [Theory]
    [InlineData("G123417654321", "70")]
    [InlineData("A999917123456", "69")]
    [InlineData("A999916123456", "86")]
    [InlineData("G123498654321", "77")]
    public void Parse_AcceptsDinFlagsThatCarryTheRightCheckCharacter(string din, string flags) =>
        AssertValid(Parse("=" + din + flags));

    [Fact]
    public void Parse_ReportsDinFlagsThatCarryAWrongCheckCharacter()
    {
        IdentifierError error = SingleError(Parse("=G12341765432171"), IccbbaErrorCodes.DinCheck);

        Assert.Equal(14, error.Position);
        Assert.Contains("'70'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("X12345", 0)]
    [InlineData("=A99991712345600X", 16)]
    [InlineData("=@123456", 0)]
    [InlineData("&,9ABC", 0)]
    [InlineData("=a123456", 0)]
    public void Parse_ReportsAMissingOrUnknownDataIdentifier(string input, int position)
    {
        IdentifierError error = SingleError(Parse(input), IccbbaErrorCodes.DataIdentifier);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_LeavesTheSchemeUnknownWhenTheInputIsNotIsbt128() =>
        Assert.Equal(IdentifierScheme.Unknown, Parse("+A123BJC5D6E71G").Scheme);

    [Theory]
    [InlineData("&a12345", 0, "&a")]
    [InlineData("&;12345", 0, "&;")]
    [InlineData("&!1", 0, "&!")]
    [InlineData("=+02000=/A9997AB3456T0123&$0101", 25, "&$")]
    [InlineData("&#01050123", 0, "&#")]
    [InlineData("&%001", 0, "&%")]
    public void Parse_RejectsUnsupportedStructuresNamingTheirDataIdentifier(string input, int position, string identifier)
    {
        BarcodeReading reading = Parse(input);

        IdentifierError error = SingleError(reading, IccbbaErrorCodes.UnsupportedStructure);
        Assert.Equal(position, error.Position);
        Assert.Contains($"'{identifier}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(IdentifierScheme.Iccbba, reading.Scheme);
    }

    [Fact]
    public void Parse_KeepsWhatWasReadBeforeAnUnsupportedStructure()
    {
        BarcodeReading reading = Parse("=/A9997AB3456T0123&a12345");

        Assert.Equal("A9997AB3456T0123", reading.UdiDi);
        SingleError(reading, IccbbaErrorCodes.UnsupportedStructure);
    }

    [Theory]
    [InlineData("=/A9997AB3456", 13)]
    [InlineData("=", 1)]
    [InlineData("&,", 2)]
    [InlineData("=A9999171234", 12)]
    public void Parse_ReportsTruncatedData(string input, int position)
    {
        IdentifierError error = SingleError(Parse(input), IccbbaErrorCodes.Length);

        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("=/A9997ab3456T0123", 7)]
    [InlineData("=/O9997AB3456T0123", 2)]
    [InlineData("&,1ABC-AAAAAAAAAAAAAA", 6)]
    [InlineData("=>01903X", 7)]
    [InlineData("=,00001a", 7)]
    [InlineData("=A999917123456OI", 14)]
    public void Parse_ReportsCharactersTheStructureDoesNotAllow(string input, int position)
    {
        BarcodeReading reading = Parse(input);

        IdentifierError error = SingleError(reading, IccbbaErrorCodes.InvalidCharacter);
        Assert.Equal(position, error.Position);
        Assert.Null(reading.UdiDi);
        Assert.Null(reading.Serial);
        Assert.Null(reading.Expiry);
    }

    [Theory]
    [InlineData("=>019367", 5)]
    [InlineData("=>019000", 5)]
    [InlineData("&>0183652460", 8)]
    [InlineData("&}0250012360", 8)]
    public void Parse_ReportsDatesThatAreNotDaysOfTheYearOrTimesOfTheDay(string input, int position)
    {
        BarcodeReading reading = Parse(input);

        IdentifierError error = SingleError(reading, IccbbaErrorCodes.InvalidDate);
        Assert.Equal(position, error.Position);
        Assert.Null(reading.Expiry);
        Assert.Null(reading.ProductionDate);
    }

    [Theory]
    [InlineData("=+03000=/A9997AB3456T0123=,000012", 2)]
    [InlineData("=,000012=+01000=/A9997AB3456T0123", 8)]
    public void Parse_ReportsAMisplacedOrMiscountedCompoundMessage(string input, int position)
    {
        IdentifierError error = SingleError(Parse(input), IccbbaErrorCodes.CompoundMessage);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_ReportsTheSameStructureGivenTwiceWithDifferentValues()
    {
        BarcodeReading reading = Parse("=,000012=,000013");

        IdentifierError error = SingleError(reading, IccbbaErrorCodes.DuplicateStructure);
        Assert.Equal(8, error.Position);
        Assert.Equal("000012", reading.Serial);
    }

    [Fact]
    public void Parse_ReportsContradictoryExpirationDates()
    {
        BarcodeReading reading = Parse("=>019031&>0190321200");

        IdentifierError error = SingleError(reading, IccbbaErrorCodes.DuplicateStructure);
        Assert.Equal(10, error.Position);
        Assert.Equal(new DateOnly(2019, 1, 31), reading.Expiry);
    }

    [Fact]
    public void Parse_NeverThrowsOnRandomText() =>
        Gen.String.Sample(s =>
        {
            BarcodeReading reading = IccbbaParser.Parse(s, Clock);
            Assert.Equal(s, reading.Input);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_NeverThrowsOnRandomDataIdentifiersAndContent() =>
        Gen.Char["=&,+/<>}%()-;!#$:1Aa09"].Array[0, 60].Select(chars => "=" + new string(chars)).Sample(s =>
        {
            BarcodeReading reading = IccbbaParser.Parse(s, Clock);
            Assert.Equal(IdentifierScheme.Iccbba, reading.Scheme);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_ReadsBackAnyWellFormedUdiCompoundMessage()
    {
        Gen<string> text(string chars, int length) => Gen.Char[chars].Array[length].Select(a => new string(a));
        Gen<string> ppic = Gen.Select(text("ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789", 5), text(LettersAndDigits, 11), string.Concat);
        Gen<string> din = Gen.Select(text("ABCDEFGHIJKLMNPQRSTUVWXYZ123456789", 1), text("0123456789", 12), (a, b) => a + b + "00");
        Gen<DateOnly> date = Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2999, 12, 31)];

        Gen.Select(ppic, din, text(LettersAndDigits, 6), date, text(LettersAndDigits, 18))
            .Sample((di, donation, divisions, expiry, lot) =>
            {
                string cyyjjj = (expiry.Year - 2000).ToString("000", CultureInfo.InvariantCulture)
                    + expiry.DayOfYear.ToString("000", CultureInfo.InvariantCulture);
                string message = "=+05000=/" + di + "=" + donation + "=," + divisions + "=>" + cyyjjj + "&,1" + lot;

                BarcodeReading reading = IccbbaParser.Parse(message, Clock);

                AssertValid(reading);
                Assert.Equal(di, reading.UdiDi);
                Assert.Equal(divisions, reading.Serial);
                Assert.Equal(expiry, reading.Expiry);
                Assert.Equal(lot, reading.Lot);
            });
    }
}
