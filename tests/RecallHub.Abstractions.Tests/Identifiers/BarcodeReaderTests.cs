using CsCheck;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Tests.Support;

namespace RecallHub.Abstractions.Tests.Identifiers;

public sealed class BarcodeReaderTests
{
    private static readonly BarcodeReaderOptions Options = new() { TimeProvider = Some.Clock() };

    private static BarcodeReading Read(string input) => BarcodeReader.Read(input, Options);

    [Fact]
    public void Read_ReadsAMedicinePackDataMatrix()
    {
        var reading = Read(Some.PackDataMatrix());
        Assert.True(reading.IsValid);
        Assert.Equal(IdentifierScheme.Gs1, reading.Scheme);
        Assert.Equal("3400930270387", reading.Cip13);
        Assert.Equal("A53014", reading.Lot);
    }

    [Theory]
    [InlineData("3400930270387\r\n")] // keyboard-wedge scanners end with CR/LF
    [InlineData("3400930270387")] // the EAN-13 printed under the DataMatrix
    [InlineData("03400930270387")] // ITF-14
    public void Read_ReadsAPlainEanAsAGtin(string input)
    {
        var reading = Read(input);
        Assert.True(reading.IsValid);
        Assert.Equal(IdentifierScheme.Gs1, reading.Scheme);
        Assert.Equal("03400930270387", reading.Gtin);
        Assert.Equal("3400930270387", reading.Cip13);
        Assert.Equal(input, reading.Input);
    }

    [Fact]
    public void Read_SaysWhichCheckDigitAPlainEanShouldHave()
    {
        var error = Assert.Single(Read("3400930270386").Errors);
        Assert.Equal("GS1_INVALID_CHECK_DIGIT", error.Code);
        Assert.Equal(12, error.Position);
        Assert.Contains("should be 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReadsGs1DataInsideAnIso15434Envelope()
    {
        var reading = Read("[)>\u001e05\u001d0103401560012347" + "17300100" + "10LOT7\u001e\u0004");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal(IdentifierScheme.Gs1, reading.Scheme);
        Assert.Equal("3401560012347", reading.Acl13);
        Assert.Equal("LOT7", reading.Lot);
    }

    [Fact]
    public void Read_ReportsGs1ErrorsInsideAnEnvelopeAtTheirPositionInTheWholeInput()
    {
        var error = Assert.Single(Read("[)>\u001e05\u001d0103401560012346\u001e\u0004").Errors);
        Assert.Equal("GS1_INVALID_CHECK_DIGIT", error.Code);
        Assert.Equal(7 + 15, error.Position);
    }

    [Theory]
    [InlineData("+A123BJC5D6E71G", IdentifierScheme.Hibcc)]
    [InlineData("]C0+A123BJC5D6E71G", IdentifierScheme.Hibcc)]
    [InlineData("[)>\u001e06\u001d9N110375286414\u001e\u0004", IdentifierScheme.Ifa)]
    [InlineData("=<E0713V00", IdentifierScheme.Iccbba)]
    [InlineData("&>0183652359", IdentifierScheme.Iccbba)]
    public void Read_TellsTheSchemeFromHowTheDataStarts(string input, IdentifierScheme scheme) =>
        Assert.Equal(scheme, Read(input).Scheme);

    [Fact]
    public void Read_ReadsAHibccDevice()
    {
        var reading = Read("+A123BJC5D6E71G");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal("A123", reading.Labeler);
        Assert.Equal("A123BJC5D6E71", reading.UdiDi);
    }

    [Fact]
    public void Read_ReadsAnIfaPack()
    {
        var reading = Read("[)>\u001e06\u001d9N110375286414\u001d1TLOT42\u001dD280200\u001e\u0004");
        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Select(e => e.Message)));
        Assert.Equal("110375286414", reading.Ppn);
        Assert.Equal("LOT42", reading.Lot);
        Assert.Equal(new DateOnly(2028, 2, 29), reading.Expiry);
    }

    [Fact]
    public void Read_ExplainsALegacySevenDigitCode()
    {
        var error = Assert.Single(Read("2699033").Errors);
        Assert.Equal("LEGACY_SEVEN_DIGIT_CODE", error.Code);
        Assert.Contains("CIP7", error.Message, StringComparison.Ordinal);
        Assert.Equal(IdentifierScheme.Unknown, Read("2699033").Scheme);
    }

    [Theory]
    [InlineData("", "EMPTY", 0)]
    [InlineData("\r\n", "EMPTY", 0)]
    [InlineData("]d1HELLO", "UNKNOWN_FORMAT", 3)]
    public void Read_ReportsWhatItCannotRead(string input, string code, int position)
    {
        var reading = Read(input);
        Assert.False(reading.IsValid);
        var error = Assert.Single(reading.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Read_UsesTheLenientModeWhenAsked()
    {
        var strict = Read("010340093027038717280229" + "10A5301421XYZ");
        var lenient = BarcodeReader.Read("010340093027038717280229" + "10A5301421XYZ", new BarcodeReaderOptions { TimeProvider = Some.Clock(), Lenient = true });
        Assert.True(strict.IsValid);
        Assert.True(lenient.IsAmbiguous);
    }

    [Fact]
    public void Read_HonoursTheGsSubstitute()
    {
        var options = new BarcodeReaderOptions { TimeProvider = Some.Clock(), GroupSeparatorSubstitute = "~" };
        Assert.Equal("7GH29KXW41Q", BarcodeReader.Read(Some.PackDataMatrix().Replace('\u001d', '~'), options).Serial);
    }

    [Fact]
    public void RandomInput_NeverThrowsAndAlwaysExplainsItself()
    {
        var scannerish = Gen.String[Gen.Char["0123456789+$/%-. ()]dQCe[)>=&<\u001d\u001e\u0004ABCDEFNPSTZ"], 0, 50];
        Gen.OneOf(Gen.String, scannerish).Sample(input =>
        {
            var reading = BarcodeReader.Read(input, Options);
            Assert.Equal(input, reading.Input);
            Assert.True(reading.IsValid || reading.Errors.Count > 0);
            Assert.All(reading.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }, iter: 20_000);
    }
}
