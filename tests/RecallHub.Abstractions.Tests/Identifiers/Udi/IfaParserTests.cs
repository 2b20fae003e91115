using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Udi;

namespace RecallHub.Abstractions.Tests.Identifiers.Udi;

public sealed class IfaParserTests
{
    private const string RS = "\u001e";
    private const string GS = "\u001d";
    private const string EOT = "\u0004";
    private const string Header = "[)>" + RS + "06" + GS;
    private const string Trailer = RS + EOT;
    private const string LettersAndDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // "[)>" RS "06" GS is 7 characters: the first data identifier is at position 7, its data at 9 (two-character DI).
    private const int FirstValue = 9;

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static BarcodeReading Parse(string input) => IfaParser.Parse(input, Clock);

    private static string Message(params string[] fields) => Header + string.Join(GS, fields) + Trailer;

    private static void AssertValid(BarcodeReading reading)
    {
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => $"{e.Code}@{e.Position}: {e.Message}")));
        Assert.Equal(IdentifierScheme.Ifa, reading.Scheme);
    }

    private static IdentifierError SingleError(BarcodeReading reading, string code)
    {
        IdentifierError error = Assert.Single(reading.Errors, e => e.Code == code);
        Assert.False(reading.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    /// <summary>The IFA PPN check value, computed here independently of the parser.</summary>
    private static string PpnCheck(string body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            sum += body[i] * (i + 2);
        }

        return (sum % 97).ToString("00", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Parse_ReadsThePublishedPpnExampleWithLotExpiryAndSerial()
    {
        BarcodeReading reading = Parse(Message("9N110375286414", "1T12345ABCD", "D150600", "S12345ABCDEF98765"));

        AssertValid(reading);
        Assert.Equal("110375286414", reading.Ppn);
        Assert.Equal("110375286414", reading.UdiDi);
        Assert.Equal("12345ABCD", reading.Lot);
        Assert.Equal(new DateOnly(2015, 6, 30), reading.Expiry);
        Assert.Equal("12345ABCDEF98765", reading.Serial);
        Assert.Null(reading.Gtin);
        Assert.Equal(["9N", "1T", "D", "S"], reading.Elements.Select(e => e.Id));
        Assert.Equal(["110375286414", "12345ABCD", "150600", "12345ABCDEF98765"], reading.Elements.Select(e => e.Value));
    }

    [Theory]
    [InlineData("110375287077")]
    [InlineData("111234568408")]
    public void Parse_AcceptsPpnsWhoseCheckDigitsMatch(string ppn)
    {
        BarcodeReading reading = Parse(Message("9N" + ppn));

        AssertValid(reading);
        Assert.Equal(ppn, reading.Ppn);
    }

    [Theory]
    [InlineData(Trailer)]
    [InlineData(RS)]
    [InlineData(EOT)]
    [InlineData("")]
    [InlineData(Trailer + "\r\n")]
    public void Parse_ToleratesAMissingOrPartialTrailer(string trailer)
    {
        BarcodeReading reading = Parse(Header + "9N110375286414" + GS + "1T12345ABCD" + trailer);

        AssertValid(reading);
        Assert.Equal("12345ABCD", reading.Lot);
    }

    [Theory]
    [InlineData("]d1")]
    [InlineData("]Q1")]
    public void Parse_AcceptsASymbologyIdentifierInFront(string symbology)
    {
        BarcodeReading reading = Parse(symbology + Message("9N110375286414"));

        AssertValid(reading);
        Assert.Equal("110375286414", reading.Ppn);
    }

    [Theory]
    [InlineData("16D20151106", 2015, 11, 6)]
    [InlineData("16D20151100", 2015, 11, 30)]
    public void Parse_ReadsTheProductionDate(string field, int year, int month, int day)
    {
        BarcodeReading reading = Parse(Message("9N110375286414", field));

        AssertValid(reading);
        Assert.Equal(new DateOnly(year, month, day), reading.ProductionDate);
    }

    [Theory]
    [InlineData("D991231", 1999)]
    [InlineData("D761231", 2076)]
    public void Parse_ResolvesTwoDigitExpiryYearsWithTheCenturyRuleOfTheClock(string field, int year)
    {
        BarcodeReading reading = Parse(Message("9N110375286414", field));

        AssertValid(reading);
        Assert.Equal(new DateOnly(year, 12, 31), reading.Expiry);
    }

    [Fact]
    public void Parse_UsesTheGtinAsUdiDiWhenThereIsNoPpnAndKeepsUnknownIdentifiers()
    {
        BarcodeReading reading = Parse(Message("8P03574661451947", "27Q9915489", "1PREF-42", "Q10"));

        AssertValid(reading);
        Assert.Null(reading.Ppn);
        Assert.Equal("03574661451947", reading.Gtin);
        Assert.Equal("03574661451947", reading.UdiDi);
        Assert.Equal(["8P", "27Q", "1P", "Q"], reading.Elements.Select(e => e.Id));
        Assert.Equal("REF-42", reading.Elements[2].Value);
    }

    [Fact]
    public void Parse_PadsAShortGtinToFourteenDigits()
    {
        BarcodeReading reading = Parse(Message("9N110375286414", "8P4006381333931"));

        AssertValid(reading);
        Assert.Equal("04006381333931", reading.Gtin);
        Assert.Equal("110375286414", reading.UdiDi);
    }

    [Fact]
    public void Parse_ReportsWrongPpnCheckDigitsAndSaysWhichWereExpected()
    {
        BarcodeReading reading = Parse(Message("9N110375286415"));

        IdentifierError error = SingleError(reading, IfaErrorCodes.PpnCheck);
        Assert.Equal(FirstValue + 10, error.Position);
        Assert.Contains("'14'", error.Message, StringComparison.Ordinal);
        Assert.Equal("110375286415", reading.Ppn);
    }

    [Theory]
    [InlineData("9N11037528641A", FirstValue + 11)]
    [InlineData("9N1103752a6414", FirstValue + 7)]
    [InlineData("9N111", FirstValue)]
    [InlineData("9N11111111111111111111111", FirstValue)]
    public void Parse_ReportsAMalformedPpn(string field, int position)
    {
        BarcodeReading reading = Parse(Message(field));

        IdentifierError error = SingleError(reading, IfaErrorCodes.PpnFormat);
        Assert.Equal(position, error.Position);
        Assert.Null(reading.Ppn);
    }

    [Fact]
    public void Parse_ReportsAPznWhoseOwnCheckDigitIsWrong()
    {
        // 03752865 is not a PZN (its check digit should be 4), although the PPN check digits 25 match.
        IdentifierError error = SingleError(Parse(Message("9N110375286525")), IfaErrorCodes.PznCheck);

        Assert.Equal(FirstValue + 9, error.Position);
    }

    [Fact]
    public void Parse_ReportsMissingEnvelope()
    {
        BarcodeReading reading = Parse("9N110375286414");

        IdentifierError error = SingleError(reading, IfaErrorCodes.Envelope);
        Assert.Equal(0, error.Position);
        Assert.Equal(IdentifierScheme.Unknown, reading.Scheme);
    }

    [Theory]
    [InlineData("[)>069N110375286414", 3)]
    [InlineData("[)>" + RS + "069N110375286414", 6)]
    [InlineData("[)>" + RS + "06", 6)]
    public void Parse_ReportsABrokenEnvelope(string input, int position)
    {
        IdentifierError error = SingleError(Parse(input), IfaErrorCodes.Envelope);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_ReportsDataAfterTheEndOfTheEnvelope()
    {
        string input = Message("9N110375286414") + "XYZ";

        IdentifierError error = SingleError(Parse(input), IfaErrorCodes.Envelope);

        Assert.Equal(input.Length - 3, error.Position);
    }

    [Fact]
    public void Parse_RefusesFormat05AndRoutesItToGs1()
    {
        BarcodeReading reading = Parse("[)>" + RS + "05" + GS + "0103574661451947" + Trailer);

        IdentifierError error = SingleError(reading, IfaErrorCodes.Format);
        Assert.Equal(4, error.Position);
        Assert.Contains("GS1", error.Message, StringComparison.Ordinal);
        Assert.Equal(IdentifierScheme.Gs1, reading.Scheme);
        Assert.Empty(reading.Elements);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("X6")]
    public void Parse_ReportsOtherFormats(string format)
    {
        BarcodeReading reading = Parse("[)>" + RS + format + GS + "9N110375286414" + Trailer);

        IdentifierError error = SingleError(reading, IfaErrorCodes.Format);
        Assert.Equal(4, error.Position);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("1234T5")]
    [InlineData("")]
    [InlineData("99")]
    public void Parse_ReportsAFieldWithoutADataIdentifier(string field)
    {
        BarcodeReading reading = Parse(Message("9N110375286414", field, "1TLOT1"));

        IdentifierError error = SingleError(reading, IfaErrorCodes.DataIdentifier);
        Assert.Equal(FirstValue + 12 + 1, error.Position);
        Assert.Equal("LOT1", reading.Lot);
    }

    [Fact]
    public void Parse_ReportsARepeatedDataIdentifierAndKeepsTheFirstValue()
    {
        BarcodeReading reading = Parse(Message("1TFIRST", "1TSECOND"));

        IdentifierError error = SingleError(reading, IfaErrorCodes.DuplicateIdentifier);
        Assert.Equal(7 + 7 + 1, error.Position);
        Assert.Equal("FIRST", reading.Lot);
        Assert.Equal(2, reading.Elements.Count);
    }

    [Theory]
    [InlineData("D151301")]
    [InlineData("D150230")]
    [InlineData("D1506")]
    [InlineData("16D20150230")]
    [InlineData("16D2015113")]
    public void Parse_ReportsDatesThatAreNotCalendarDates(string field)
    {
        BarcodeReading reading = Parse(Message(field));

        IdentifierError error = SingleError(reading, IfaErrorCodes.InvalidDate);
        Assert.Equal(7 + (field.StartsWith("16D", StringComparison.Ordinal) ? 3 : 1), error.Position);
        Assert.Null(reading.Expiry);
        Assert.Null(reading.ProductionDate);
    }

    [Theory]
    [InlineData("1T", FirstValue)]
    [InlineData("1TABCDEFGHIJ01234567891", FirstValue + 20)]
    [InlineData("S", 8)]
    [InlineData("SABCDEFGHIJ01234567891", 8 + 20)]
    public void Parse_ReportsEmptyOrTooLongLotAndSerial(string field, int position)
    {
        IdentifierError error = SingleError(Parse(Message(field)), IfaErrorCodes.Length);

        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_ReportsAControlCharacterInsideAField()
    {
        IdentifierError error = SingleError(Parse(Message("1TAB\u0001C")), IfaErrorCodes.InvalidCharacter);

        Assert.Equal(FirstValue + 2, error.Position);
        Assert.Contains("U+0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsAWrongGtinCheckDigit()
    {
        BarcodeReading reading = Parse(Message("8P03574661451948"));

        IdentifierError error = SingleError(reading, IfaErrorCodes.GtinCheck);
        Assert.Equal(FirstValue + 13, error.Position);
        Assert.Contains("'7'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8P12345", FirstValue)]
    [InlineData("8P0357466145194X", FirstValue + 13)]
    public void Parse_ReportsAMalformedGtin(string field, int position)
    {
        BarcodeReading reading = Parse(Message(field));

        IdentifierError error = SingleError(reading, IfaErrorCodes.Gtin);
        Assert.Equal(position, error.Position);
        Assert.Null(reading.Gtin);
    }

    [Fact]
    public void Parse_NeverThrowsOnRandomText() =>
        Gen.String.Sample(s =>
        {
            BarcodeReading reading = IfaParser.Parse(s, Clock);
            Assert.Equal(s, reading.Input);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_NeverThrowsOnRandomFieldsInsideTheEnvelope() =>
        Gen.Char["019NTDSP" + GS + RS + EOT + "\u0001-"].Array[0, 60].Select(chars => Header + new string(chars)).Sample(s =>
        {
            BarcodeReading reading = IfaParser.Parse(s, Clock);
            Assert.Equal(IdentifierScheme.Ifa, reading.Scheme);
            Assert.All(reading.Errors, e => Assert.InRange(e.Position, 0, s.Length));
        });

    [Fact]
    public void Parse_ReadsBackAnyWellFormedCode()
    {
        Gen<string> alphanumeric = Gen.Char[LettersAndDigits].Array[1, 20].Select(a => new string(a));
        Gen<string> pzn = Gen.Char['0', '9'].Array[7].Select(a => new string(a)).Where(d => PznCheck(d) < 10).Select(d => d + PznCheck(d));
        Gen<DateOnly> expiry = Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2075, 12, 31)];

        Gen.Select(pzn, alphanumeric, alphanumeric, expiry)
            .Sample((pznText, lot, serial, date) =>
            {
                string ppn = "11" + pznText + PpnCheck("11" + pznText);
                string yymmdd = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
                BarcodeReading reading = IfaParser.Parse(Message("9N" + ppn, "1T" + lot, "D" + yymmdd, "S" + serial), Clock);

                AssertValid(reading);
                Assert.Equal(ppn, reading.Ppn);
                Assert.Equal(ppn, reading.UdiDi);
                Assert.Equal(lot, reading.Lot);
                Assert.Equal(serial, reading.Serial);
                Assert.Equal(date, reading.Expiry);
            });

        static int PznCheck(string digits)
        {
            int sum = 0;
            for (int i = 0; i < 7; i++)
            {
                sum += (digits[i] - '0') * (i + 1);
            }

            return sum % 11;
        }
    }
}
