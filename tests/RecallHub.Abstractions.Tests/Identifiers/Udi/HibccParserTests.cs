using CsCheck;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Udi;

namespace RecallHub.Abstractions.Tests.Identifiers.Udi;

public sealed class HibccParserTests
{
    private const string HibcCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    private const string LettersAndDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static BarcodeReading Parse(string input) => HibccParser.Parse(input, Clock);

    /// <summary>Appends the HIBC mod-43 check character, computed here independently of the parser.</summary>
    private static string WithCheck(string data)
    {
        int sum = 0;
        foreach (char c in data)
        {
            sum += HibcCharacters.IndexOf(c, StringComparison.Ordinal);
        }

        return data + HibcCharacters[sum % 43];
    }

    private static void AssertValid(BarcodeReading reading)
    {
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => $"{e.Code}@{e.Position}: {e.Message}")));
        Assert.Equal(IdentifierScheme.Hibcc, reading.Scheme);
    }

    private static IdentifierError SingleError(BarcodeReading reading, string code)
    {
        IdentifierError error = Assert.Single(reading.Errors, e => e.Code == code);
        Assert.False(reading.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [Fact]
    public void Parse_ReadsAPublishedPrimarySymbol()
    {
        BarcodeReading reading = Parse("+A123BJC5D6E71G");

        AssertValid(reading);
        Assert.Equal("A123", reading.Labeler);
        Assert.Equal("BJC5D6E7", reading.Product);
        Assert.Equal("1", reading.UnitOfMeasure);
        Assert.Equal("A123BJC5D6E71", reading.UdiDi);
        Assert.Null(reading.Lot);
        Assert.Equal(["LIC", "PCN", "UOM"], reading.Elements.Select(e => e.Id));
        Assert.Equal(["A123", "BJC5D6E7", "1"], reading.Elements.Select(e => e.Value));
    }

    [Theory]
    [InlineData("+A123BJC5D6E71/$$52001510X3C", "A123", "BJC5D6E7", "1")]
    [InlineData("+A99912345/$$52001510X33", "A999", "1234", "5")]
    public void Parse_ReadsConcatenatedPrimaryAndSecondaryData(string input, string labeler, string product, string unit)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal(labeler, reading.Labeler);
        Assert.Equal(product, reading.Product);
        Assert.Equal(unit, reading.UnitOfMeasure);
        Assert.Equal(labeler + product + unit, reading.UdiDi);
        Assert.Equal(new DateOnly(2020, 1, 15), reading.Expiry);
        Assert.Equal("10X3", reading.Lot);
        Assert.Equal(["LIC", "PCN", "UOM", "$$5"], reading.Elements.Select(e => e.Id));
        Assert.Equal("2001510X3", reading.Elements[3].Value);
    }

    [Fact]
    public void Parse_ReadsPrimaryAndSecondarySymbolsScannedTogether()
    {
        BarcodeReading reading = Parse("+A123BJC5D6E71G+$$52001510X3GD");

        AssertValid(reading);
        Assert.Equal("A123BJC5D6E71", reading.UdiDi);
        Assert.Equal(new DateOnly(2020, 1, 15), reading.Expiry);
        Assert.Equal("10X3", reading.Lot);
    }

    [Fact]
    public void Parse_ReadsThreeLinearSymbolsInTheJulianDateForm()
    {
        BarcodeReading reading = Parse("+J123AQ3451T+25330BC34567T2+S4012TJ");

        AssertValid(reading);
        Assert.Equal("J123AQ3451", reading.UdiDi);
        Assert.Equal(new DateOnly(2025, 11, 26), reading.Expiry);
        Assert.Equal("BC34567", reading.Lot);
        Assert.Equal("4012", reading.Serial);
        Assert.Equal(["LIC", "PCN", "UOM", "YYJJJ", "S"], reading.Elements.Select(e => e.Id));
    }

    [Fact]
    public void Parse_ReadsTheSameDataConcatenatedInOneSymbol()
    {
        BarcodeReading reading = Parse("+J123AQ3451/25330BC34567/S4012X");

        AssertValid(reading);
        Assert.Equal("J123AQ3451", reading.UdiDi);
        Assert.Equal(new DateOnly(2025, 11, 26), reading.Expiry);
        Assert.Equal("BC34567", reading.Lot);
        Assert.Equal("4012", reading.Serial);
    }

    [Fact]
    public void Parse_ReadsSymbolsWhoseCheckAndLinkCharactersArePlusAndSpace()
    {
        BarcodeReading reading = Parse("+A123BJCMD6E79++$$52001510X3+ ");

        AssertValid(reading);
        Assert.Equal("BJCMD6E7", reading.Product);
        Assert.Equal("9", reading.UnitOfMeasure);
        Assert.Equal("10X3", reading.Lot);
    }

    [Fact]
    public void Parse_ReadsASecondarySymbolOnItsOwnAndKeepsItsLinkCharacter()
    {
        BarcodeReading reading = Parse("+$$52001510X3GD");

        AssertValid(reading);
        Assert.Null(reading.UdiDi);
        Assert.Null(reading.Labeler);
        Assert.Equal("10X3", reading.Lot);
        Assert.Equal(new DateOnly(2020, 1, 15), reading.Expiry);
        Assert.Equal(["LINK", "$$5"], reading.Elements.Select(e => e.Id));
        Assert.Equal("G", reading.Elements[0].Value);
    }

    [Fact]
    public void Parse_ReadsSupplementalSerialManufactureAndLongestFields()
    {
        BarcodeReading reading = Parse("+A123ABCDEFGHI1234567891/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202$");

        AssertValid(reading);
        Assert.Equal("ABCDEFGHI123456789", reading.Product);
        Assert.Equal(new DateOnly(2020, 2, 2), reading.Expiry);
        Assert.Equal("LOT123456789012345", reading.Lot);
        Assert.Equal("XYZ456789012345678", reading.Serial);
        Assert.Equal(new DateOnly(2013, 2, 2), reading.ProductionDate);
        Assert.Equal(["LIC", "PCN", "UOM", "$$4", "S", "16D"], reading.Elements.Select(e => e.Id));
    }

    [Theory]
    [InlineData("$$1125LOT1", "$$", "2025-11-30", "LOT1", null)]
    [InlineData("$$0126LOT1", "$$", "2026-01-31", "LOT1", null)]
    [InlineData("$$2113025LOT1", "$$2", "2025-11-30", "LOT1", null)]
    [InlineData("$$3251130LOT1", "$$3", "2025-11-30", "LOT1", null)]
    [InlineData("$$425113023LOT1", "$$4", "2025-11-30", "LOT1", null)]
    [InlineData("$$525334LOT1", "$$5", "2025-11-30", "LOT1", null)]
    [InlineData("$$62533423LOT1", "$$6", "2025-11-30", "LOT1", null)]
    [InlineData("$$7LOT1", "$$7", null, "LOT1", null)]
    [InlineData("$LOT1", "$", null, "LOT1", null)]
    [InlineData("$$3251130", "$$3", "2025-11-30", null, null)]
    [InlineData("$$+1125SN1", "$$+", "2025-11-30", null, "SN1")]
    [InlineData("$$+2113025SN1", "$$+2", "2025-11-30", null, "SN1")]
    [InlineData("$$+3251130SN1", "$$+3", "2025-11-30", null, "SN1")]
    [InlineData("$$+425113023SN1", "$$+4", "2025-11-30", null, "SN1")]
    [InlineData("$$+525334SN1", "$$+5", "2025-11-30", null, "SN1")]
    [InlineData("$$+62533423SN1", "$$+6", "2025-11-30", null, "SN1")]
    [InlineData("$$+7SN1", "$$+7", null, null, "SN1")]
    [InlineData("$+SN1", "$+", null, null, "SN1")]
    [InlineData("$$805LOT1", "$$8", null, "LOT1", null)]
    [InlineData("$$8053251130LOT1", "$$8", "2025-11-30", "LOT1", null)]
    [InlineData("$$8051125LOT1", "$$8", "2025-11-30", "LOT1", null)]
    [InlineData("$$8057LOT1", "$$8", null, "LOT1", null)]
    [InlineData("$$9001003251130LOT1", "$$9", "2025-11-30", "LOT1", null)]
    [InlineData("$$+9001003251130SN1", "$$+9", "2025-11-30", null, "SN1")]
    [InlineData("25334LOT1", "YYJJJ", "2025-11-30", "LOT1", null)]
    public void Parse_ReadsEverySecondaryDataForm(string secondary, string id, string? expiry, string? lot, string? serial)
    {
        BarcodeReading reading = Parse(WithCheck("+A99912345/" + secondary));

        AssertValid(reading);
        Assert.Equal(expiry is null ? null : DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), reading.Expiry);
        Assert.Equal(lot, reading.Lot);
        Assert.Equal(serial, reading.Serial);
        Assert.Equal(id, reading.Elements[3].Id);
    }

    [Fact]
    public void Parse_ReadsSupplementalExpiryQuantityAndManufactureDates()
    {
        BarcodeReading reading = Parse(WithCheck("+A99912345/$$7LOT1/Q24/14D20270331/16D20250101"));

        AssertValid(reading);
        Assert.Equal(new DateOnly(2027, 3, 31), reading.Expiry);
        Assert.Equal(new DateOnly(2025, 1, 1), reading.ProductionDate);
        Assert.Equal(["LIC", "PCN", "UOM", "$$7", "Q", "14D", "16D"], reading.Elements.Select(e => e.Id));
    }

    [Theory]
    [InlineData("$$3991231LOT1", 1999)]
    [InlineData("$$3761231LOT1", 2076)]
    [InlineData("$$3001231LOT1", 2000)]
    public void Parse_ResolvesTwoDigitYearsWithTheCenturyRuleOfTheClock(string secondary, int year)
    {
        BarcodeReading reading = Parse(WithCheck("+A99912345/" + secondary));

        AssertValid(reading);
        Assert.Equal(new DateOnly(year, 12, 31), reading.Expiry);
    }

    [Theory]
    [InlineData("]C0+A123BJC5D6E71G")]
    [InlineData("]d1+A123BJC5D6E71G")]
    [InlineData("*+A123BJC5D6E71G*")]
    [InlineData("+A123BJC5D6E71G\r\n")]
    public void Parse_IgnoresSymbologyIdentifiersCaptionAsterisksAndLineEnds(string input)
    {
        BarcodeReading reading = Parse(input);

        AssertValid(reading);
        Assert.Equal("A123BJC5D6E71", reading.UdiDi);
        Assert.Equal(input, reading.Input);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A123BJC5D6E71G")]
    public void Parse_ReportsAMissingFlagCharacter(string input)
    {
        BarcodeReading reading = Parse(input);

        IdentifierError error = SingleError(reading, HibccErrorCodes.Flag);
        Assert.Equal(0, error.Position);
        Assert.Equal(IdentifierScheme.Unknown, reading.Scheme);
    }

    [Fact]
    public void Parse_ReportsCharactersOutsideTheHibcSetAndHintsAtCapsLock()
    {
        BarcodeReading reading = Parse("+a123bjc5d6e71g");

        IdentifierError error = SingleError(reading, HibccErrorCodes.CharacterSet);
        Assert.Equal(1, error.Position);
        Assert.Contains("capital letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsAControlCharacterAtItsPosition()
    {
        IdentifierError error = SingleError(Parse("+A123BJC\u001d5D6E71G"), HibccErrorCodes.CharacterSet);

        Assert.Equal(8, error.Position);
        Assert.Contains("U+001D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsAnInputTooShortToHoldData()
    {
        IdentifierError error = SingleError(Parse("+A"), HibccErrorCodes.TooShort);

        Assert.Equal(0, error.Position);
    }

    [Fact]
    public void Parse_ReportsAWrongCheckCharacterAndSaysWhichWasExpected()
    {
        BarcodeReading reading = Parse("+A123BJC5D6E71H");

        IdentifierError error = SingleError(reading, HibccErrorCodes.CheckCharacter);
        Assert.Equal(14, error.Position);
        Assert.Contains("'G'", error.Message, StringComparison.Ordinal);
        Assert.Equal("A123BJC5D6E71", reading.UdiDi);
    }

    [Fact]
    public void Parse_ReportsASecondarySymbolLinkedToAnotherPrimary()
    {
        BarcodeReading reading = Parse("+A123BJC5D6E71G+$$52001510X3+ ");

        IdentifierError error = SingleError(reading, HibccErrorCodes.LinkCharacter);
        Assert.Equal(28, error.Position);
        Assert.Contains("'G'", error.Message, StringComparison.Ordinal);
        Assert.Equal("10X3", reading.Lot);
    }

    [Theory]
    [InlineData("+AB CBJC5D6E71", 3)]
    [InlineData("+A1-3BJC5D6E71", 3)]
    [InlineData("+A12", 1)]
    public void Parse_ReportsABadLabelerIdentificationCode(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.Labeler);

        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("+A123ABCDEFGHIJ0123456781", 23)]
    [InlineData("+A123AB-D1", 7)]
    [InlineData("+A1231", 5)]
    public void Parse_ReportsABadProductNumber(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.Product);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_ReportsAUnitOfMeasureThatIsNotADigit()
    {
        BarcodeReading reading = Parse(WithCheck("+A123BJC5D6E7X"));

        IdentifierError error = SingleError(reading, HibccErrorCodes.UnitOfMeasure);
        Assert.Equal(13, error.Position);
        Assert.Null(reading.UdiDi);
    }

    [Theory]
    [InlineData("+A99912345/$$A10X3", 13)]
    [InlineData("+A99912345/$$", 13)]
    [InlineData("+A99912345//$LOT1", 11)]
    [InlineData("+-$LOT1", 1)]
    public void Parse_ReportsSecondaryDataOfUnknownForm(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.SecondaryFormat);

        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("+A99912345/$$3251331LOT1", 14)]
    [InlineData("+A99912345/$$3250229LOT1", 14)]
    [InlineData("+A99912345/$$1325LOT1", 13)]
    [InlineData("+A99912345/$$425113024LOT1", 14)]
    [InlineData("+A99912345/$$525366LOT1", 14)]
    [InlineData("+A99912345/$$32511", 18)]
    [InlineData("+A99912345/$$32511X0LOT1", 18)]
    [InlineData("+A99912345/$$7LOT1/16D20250230", 22)]
    [InlineData("+A99912345/$$7LOT1/14D2025113", 22)]
    public void Parse_ReportsDatesThatAreNotCalendarDates(string data, int position)
    {
        BarcodeReading reading = Parse(WithCheck(data));

        IdentifierError error = SingleError(reading, HibccErrorCodes.InvalidDate);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("+A99912345/$$8A5LOT1", 14)]
    [InlineData("+A99912345/$$7LOT1/Q1X", 20)]
    public void Parse_ReportsAQuantityThatIsNotDigits(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.Quantity);

        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("+A99912345/$", 12)]
    [InlineData("+A99912345/$ABCDEFGHIJ0123456789", 30)]
    [InlineData("+A99912345/25334ABCDEFGHIJ0123", 29)]
    public void Parse_ReportsAMissingOrTooLongLot(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.Lot);

        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("+A99912345/$+", 13)]
    [InlineData("+A99912345/$$+7", 15)]
    [InlineData("+A99912345/$$7LOT1/SABCDEFGHIJ0123456789", 38)]
    public void Parse_ReportsAMissingOrTooLongSerial(string data, int position)
    {
        IdentifierError error = SingleError(Parse(WithCheck(data)), HibccErrorCodes.Serial);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_ReportsAnUnknownSupplementalField()
    {
        IdentifierError error = SingleError(Parse(WithCheck("+A99912345/$$7LOT1/X123")), HibccErrorCodes.Supplemental);

        Assert.Equal(19, error.Position);
    }

    [Fact]
    public void Parse_ReportsContradictoryExpiryDates()
    {
        BarcodeReading reading = Parse(WithCheck("+A99912345/$$3251130LOT1/14D20251231"));

        IdentifierError error = SingleError(reading, HibccErrorCodes.DuplicateField);
        Assert.Equal(28, error.Position);
        Assert.Equal(new DateOnly(2025, 11, 30), reading.Expiry);
    }

    [Fact]
    public void Parse_AcceptsTheSameExpiryGivenTwice() =>
        AssertValid(Parse(WithCheck("+A99912345/$$3251130LOT1/14D20251130")));

    [Fact]
    public void Parse_NeverThrowsOnRandomText() =>
        Gen.String.Sample(s =>
        {
            BarcodeReading reading = HibccParser.Parse(s, Clock);
            Assert.Equal(s, reading.Input);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_NeverThrowsOnRandomHibcCharacters() =>
        Gen.Char[HibcCharacters].Array[0, 60].Select(chars => "+" + new string(chars)).Sample(s =>
        {
            BarcodeReading reading = HibccParser.Parse(s, Clock);
            Assert.Equal(IdentifierScheme.Hibcc, reading.Scheme);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_ReadsBackAnyWellFormedCode()
    {
        Gen<string> alphanumeric(int min, int max) => Gen.Char[LettersAndDigits].Array[min, max].Select(a => new string(a));
        Gen<string> labeler = Gen.Select(Gen.Char['A', 'Z'], alphanumeric(3, 3), (first, rest) => first + rest);

        Gen.Select(labeler, alphanumeric(1, 18), Gen.Char['0', '9'], alphanumeric(1, 18), Gen.Bool)
            .Sample((lic, pcn, uom, lot, dated) =>
            {
                string secondary = dated ? "$$3271231" + lot : "$" + lot;
                BarcodeReading reading = HibccParser.Parse(WithCheck($"+{lic}{pcn}{uom}/{secondary}"), Clock);

                AssertValid(reading);
                Assert.Equal(lic, reading.Labeler);
                Assert.Equal(pcn, reading.Product);
                Assert.Equal(uom.ToString(), reading.UnitOfMeasure);
                Assert.Equal(lic + pcn + uom, reading.UdiDi);
                Assert.Equal(lot, reading.Lot);
                Assert.Equal(dated ? new DateOnly(2027, 12, 31) : null, reading.Expiry);
            });
    }
}
