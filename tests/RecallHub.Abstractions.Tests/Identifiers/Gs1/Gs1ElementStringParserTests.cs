using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1ElementStringParserTests
{
    private const char GS = '\u001d';

    private static BarcodeReading Read(string input, string? substitute = null) =>
        Gs1ElementStringParser.Read(input, Some.Gs1Options(substitute));

    private static void AssertPack(BarcodeReading reading)
    {
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal(IdentifierScheme.Gs1, reading.Scheme);
        Assert.Equal("03400930270387", reading.Gtin);
        Assert.Equal("3400930270387", reading.Cip13);
        Assert.Null(reading.Acl13);
        Assert.Equal(new DateOnly(2028, 2, 29), reading.Expiry);
        Assert.Equal("A53014", reading.Lot);
        Assert.Equal("7GH29KXW41Q", reading.Serial);
        Assert.Equal(["01", "17", "10", "21"], reading.Elements.Select(e => e.Id));
    }

    [Theory]
    [InlineData("]d2")]
    [InlineData("]Q3")]
    [InlineData("]C1")]
    [InlineData("]e0")]
    [InlineData("]J1")]
    [InlineData("")]
    public void Read_AcceptsEveryGs1SymbologyIdentifier(string symbology) =>
        AssertPack(Read(symbology + "010340093027038717280229" + "10A53014" + GS + "217GH29KXW41Q"));

    [Fact]
    public void Read_SkipsALeadingFnc1SentAsGs() =>
        AssertPack(Read(GS + "010340093027038717280229" + "10A53014" + GS + "217GH29KXW41Q"));

    [Theory]
    [InlineData("<GS>")]
    [InlineData("~")]
    [InlineData("@@")]
    public void Read_AcceptsAConfiguredGsSubstitute(string substitute) =>
        AssertPack(Read("]d2010340093027038717280229" + "10A53014" + substitute + "217GH29KXW41Q", substitute));

    [Fact]
    public void Read_AcceptsTheBracketedHumanReadableForm() =>
        AssertPack(Read("(01)03400930270387(17)280229(10)A53014(21)7GH29KXW41Q"));

    [Fact]
    public void Read_AcceptsGs1DataInAnIso15434Format05Envelope() =>
        AssertPack(Read("[)>\u001e05\u001d010340093027038717280229" + "10A53014" + GS + "217GH29KXW41Q\u001e\u0004"));

    [Fact]
    public void Read_ToleratesAGsAfterAPredefinedLengthField() =>
        AssertPack(Read("]d2" + "0103400930270387" + GS + "17280229" + GS + "10A53014" + GS + "217GH29KXW41Q"));

    [Fact]
    public void Read_ReadsTheGs1GeneralSpecificationsExamples()
    {
        var sscc = Read("(00)106141411234567897");
        Assert.True(sscc.IsValid);
        Assert.Equal("106141411234567897", sscc.Elements.Single().Value);

        var digitalLink = Read("(01)09506000134352(17)201225(10)ABC123(21)12345");
        Assert.True(digitalLink.IsValid, string.Join("; ", digitalLink.Errors.Select(e => e.Message)));
        Assert.Equal("09506000134352", digitalLink.Gtin);
        Assert.Null(digitalLink.Cip13);
        Assert.Equal(new DateOnly(2020, 12, 25), digitalLink.Expiry);
    }

    [Fact]
    public void Read_FindsTheAcl13InsideADeviceGtin()
    {
        var reading = Read("]d2010340156001234717300100" + "10LOT7" + GS + "11250101");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal("3401560012347", reading.Acl13);
        Assert.Null(reading.Cip13);
        Assert.Equal("03401560012347", reading.UdiDi);
        Assert.Equal(new DateOnly(2030, 1, 31), reading.Expiry);
        Assert.Equal(new DateOnly(2025, 1, 1), reading.ProductionDate);
    }

    [Fact]
    public void Read_KeepsOtherCountriesNationalNumbers()
    {
        var reading = Read("]d2" + "0104150123456782" + "7101234567" + GS + "10X1");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Contains(reading.Elements, e => e is { Id: "710", Value: "1234567" });
    }

    [Fact]
    public void Read_ReadsEveryRealFrenchPack()
    {
        foreach (var cip13 in Some.RealCip13s)
        {
            var reading = Read(Some.PackDataMatrix(cip13));
            Assert.True(reading.IsValid, cip13);
            Assert.Equal(cip13, reading.Cip13);
        }
    }

    [Theory]
    [InlineData("]d2", "GS1_EMPTY", 3)]
    [InlineData("\u001d", "GS1_EMPTY", 1)]
    [InlineData("]d1010340093027038717280229", "GS1_UNSUPPORTED_SYMBOLOGY", 0)]
    [InlineData("]X9010340093027038717280229", "GS1_UNSUPPORTED_SYMBOLOGY", 0)]
    [InlineData("01034009302703871", "GS1_TRUNCATED_IDENTIFIER", 16)]
    [InlineData("0103400930270387890", "GS1_UNKNOWN_IDENTIFIER", 16)]
    [InlineData("0103400930270387230X", "GS1_UNKNOWN_IDENTIFIER", 16)]
    [InlineData("010340093027038", "GS1_VALUE_TOO_SHORT", 15)]
    [InlineData("01034009302703\u001d10A", "GS1_VALUE_TOO_SHORT", 14)]
    [InlineData("010340093027038710ABCDEFGHIJKLMNOPQRSTU", "GS1_VALUE_TOO_LONG", 38)]
    [InlineData("010340093027038742225010A", "GS1_MISSING_SEPARATOR", 22)]
    [InlineData("010340093027038610A", "GS1_INVALID_CHECK_DIGIT", 15)]
    [InlineData("0103400930270387172813011", "GS1_INVALID_DATE", 20)] // the month
    [InlineData("01034009302703871728022910AB#C", "GS1_INVALID_CHARACTER", 28)]
    [InlineData("010340093027038770032811302460", "GS1_INVALID_TIME", 26)]
    [InlineData("0103400930270387422999", "GS1_INVALID_CODE", 19)]
    [InlineData("8006034009302703870301", "GS1_INVALID_VALUE", 18)] // piece 3 of 1
    [InlineData("010340093027038710A\u001d10B", "GS1_DUPLICATE_IDENTIFIER", 20)]
    [InlineData("21SERIAL", "GS1_MISSING_ASSOCIATION", 0)]
    [InlineData("17280229", "GS1_MISSING_ASSOCIATION", 0)]
    [InlineData("(01)03400930270387(02)03400930270387", "GS1_INVALID_PAIRING", 19)]
    [InlineData("(01)03400930270387(10", "GS1_MALFORMED_BRACKETS", 18)]
    [InlineData("(01)03400930270387(10)", "GS1_VALUE_TOO_SHORT", 22)]
    [InlineData("(0103400930270387", "GS1_MALFORMED_BRACKETS", 0)]
    [InlineData("(89)1", "GS1_UNKNOWN_IDENTIFIER", 1)]
    public void Read_ReportsEachErrorWithItsCodeAndPosition(string input, string code, int position)
    {
        var reading = Read(input);
        Assert.False(reading.IsValid);
        var error = Assert.Single(reading.Errors, e => e.Code == code);
        Assert.Equal(position, error.Position);
        Assert.Contains(position.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SaysWhichCheckDigitWasExpected()
    {
        var error = Assert.Single(Read("0103400930270386").Errors);
        Assert.Equal("AI (01) GTIN has a wrong check digit at position 15: it should be 7.", error.Message);
    }

    [Theory]
    [InlineData("8006034009302703870301", "AI (8006) ITIP at position 18 breaks a rule of its field: the piece number must be between 1 and the total.")]
    [InlineData("0103400930270387172813011", "AI (17) USE BY or EXPIRY at position 20 is not a valid date: it must be a calendar date YYMMDD (day 00 meaning the month's last day).")]
    [InlineData("0103400930270387422999", "AI (422) ORIGIN at position 19 is not a valid code: it must be an ISO 3166 numeric country code.")]
    public void Read_SaysWhichRuleAValueBreaks(string input, string message) =>
        Assert.Contains(Read(input).Errors, e => e.Message == message);

    [Fact]
    public void Read_SaysWhichIdentifierIsMissing()
    {
        var error = Assert.Single(Read("21SERIAL").Errors);
        Assert.Equal("AI (21) SERIAL at position 0 must appear with AI (01) or (03) or (8006).", error.Message);
    }

    [Fact]
    public void Read_ReportsEveryContentErrorNotJustTheFirst()
    {
        var reading = Read("0103400930270386" + "17281301" + "10AB#C");
        Assert.Equal(["GS1_INVALID_CHECK_DIGIT", "GS1_INVALID_DATE", "GS1_INVALID_CHARACTER"], reading.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Read_AcceptsTheSameIdentifierTwiceWithTheSameValue() =>
        Assert.True(Read("010340093027038710A\u001d10A").IsValid);

    [Fact]
    public void Read_DoesNotCheckAssociationsWhenToldNotTo()
    {
        var options = new Gs1ParserOptions { TimeProvider = Some.Clock(), CheckAssociations = false };
        Assert.True(Gs1ElementStringParser.Read("21SERIAL", options).IsValid);
    }

    [Fact]
    public void Read_KeepsAnInvalidGtinOutOfTheProductFields()
    {
        var reading = Read("0103400930270386");
        Assert.Null(reading.Gtin);
        Assert.Null(reading.Cip13);
        Assert.Equal("03400930270386", reading.Elements.Single().Value);
    }

    [Fact]
    public void Read_ReadsABracketedValueHoldingABracketThatIsNotAnIdentifier()
    {
        var reading = Read("(01)03400930270387(10)A(B)C(21)1");
        Assert.True(reading.IsValid);
        Assert.Equal("A(B)C", reading.Lot);
    }

    [Fact]
    public void Parse_ReportsTooManyElementsWhenTheBufferIsFull()
    {
        var elements = new Gs1ElementRange[1];
        var errors = new Gs1Error[4];
        var result = Gs1ElementStringParser.Parse("010340093027038717280229", elements, errors, Some.Gs1Options());
        Assert.Equal(1, result.ElementCount);
        Assert.Equal(Gs1ErrorCode.TooManyElements, errors[0].Code);
        Assert.Equal("GS1_TOO_MANY_ELEMENTS", errors[0].StableCode);
        Assert.Equal(16, errors[0].Position);
    }

    [Fact]
    public void Parse_CountsErrorsBeyondTheErrorBuffer()
    {
        var elements = new Gs1ElementRange[8];
        var errors = new Gs1Error[1];
        var result = Gs1ElementStringParser.Parse("0103400930270386" + "17281301" + "10AB#C", elements, errors, Some.Gs1Options());
        Assert.Equal(3, result.ErrorCount);
        Assert.Equal(Gs1ErrorCode.InvalidCheckDigit, errors[0].Code);
    }

    [Fact]
    public void Parse_AllocatesNothingOnGoodOrBadInput()
    {
        var options = Some.Gs1Options();
        var elements = new Gs1ElementRange[Gs1ElementStringParser.MaxElements];
        var errors = new Gs1Error[8];
        string good = Some.PackDataMatrix();
        string bad = "0103400930270386" + "17281301" + "10AB#C" + GS + "21SERIAL" + GS + "99";
        Gs1ElementStringParser.Parse(good, elements, errors, options);
        Gs1ElementStringParser.Parse(bad, elements, errors, options);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Gs1ElementStringParser.Parse(good, elements, errors, options);
            Gs1ElementStringParser.Parse(bad, elements, errors, options);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ElementRange_PointsIntoTheInput()
    {
        string input = Some.PackDataMatrix();
        var elements = new Gs1ElementRange[8];
        var result = Gs1ElementStringParser.Parse(input, elements, new Gs1Error[4], Some.Gs1Options());
        Assert.Equal(4, result.ElementCount);
        Assert.Equal("A53014", elements[2].ValueOf(input).ToString());
        Assert.Equal(27, elements[2].Position);
        Assert.Equal("10", elements[2].Identifier.Code);
    }
}
