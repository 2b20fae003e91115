using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Identifiers.Udi;

namespace RecallHub.Abstractions.Identifiers;

/// <summary>
/// Reads whatever a scanner sent at the counter or at reception — a GS1 DataMatrix, a plain EAN-13 CIP13, a HIBCC,
/// IFA or ICCBBA device code — and says which scheme it follows and what it identifies.
/// </summary>
/// <remarks>
/// The scheme is told by how the data starts: <c>+</c> is HIBCC, <c>[)&gt;</c> an ISO/IEC 15434 envelope (format 06
/// is IFA, format 05 is GS1), <c>=</c> or <c>&amp;</c> ICCBBA, digits, <c>(</c> or GS are GS1. A symbology
/// identifier in front is honoured. Trailing CR/LF from keyboard-wedge scanners is ignored.
/// </remarks>
public static class BarcodeReader
{
    private const string EnvelopeHeader = "[)>\u001e";

    /// <summary>Reads <paramref name="input"/>.</summary>
    /// <param name="input">What the scanner sent.</param>
    /// <param name="options">How to read; <see cref="BarcodeReaderOptions.Default"/> when <see langword="null"/>.</param>
    public static BarcodeReading Read(string input, BarcodeReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= BarcodeReaderOptions.Default;
        string data = input.TrimEnd('\r', '\n');
        if (data.Length == 0)
        {
            return Unknown(input, "EMPTY", 0, "The code is empty.");
        }

        // Symbology identifiers of non-GS1 data (]d1 DataMatrix, ]Q1 QR, ]C0 Code 128, ]A0 Code 39) come before
        // HIBCC and IFA data; GS1 ones are handled by the GS1 parser itself.
        int start = data.Length >= 3 && data[0] == ']' && data[2] is '0' or '1' && data[1] is 'd' or 'Q' or 'C' or 'A' ? 3 : 0;
        var body = data.AsSpan(start);
        if (body.StartsWith('+'))
        {
            return HibccParser.Parse(input, options.TimeProvider);
        }

        if (body.StartsWith(EnvelopeHeader, StringComparison.Ordinal))
        {
            if (!body[EnvelopeHeader.Length..].StartsWith("05\u001d", StringComparison.Ordinal))
            {
                return IfaParser.Parse(input, options.TimeProvider);
            }
        }

        if (body.StartsWith('=') || body.StartsWith('&'))
        {
            return IccbbaParser.Parse(input, options.TimeProvider);
        }

        if (start == 0 && data.Length is 8 or 12 or 13 or 14 && data.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return ReadPlainGtin(input, data);
        }

        if (start == 0 && data.Length == 7 && data.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return Unknown(input, "LEGACY_SEVEN_DIGIT_CODE", 0, FrenchProductCode.IsValidCip7(data)
                ? "A seven-digit code is a legacy CIP7 or ACL7: look up its CIP13/ACL13 in the product database before matching."
                : "A seven-digit code would be a legacy CIP7 or ACL7, but its key does not match.");
        }

        if (start > 0 && !body.StartsWith(EnvelopeHeader, StringComparison.Ordinal))
        {
            return Unknown(input, "UNKNOWN_FORMAT", start, $"The data after the symbology identifier {data[..3]} is neither HIBCC nor ISO/IEC 15434.");
        }

        var gs1 = options.ToGs1Options();
        var reading = options.Lenient
            ? Gs1ElementStringParser.ReadLenient(data, gs1)
            : Gs1ElementStringParser.Read(data, gs1);
        return reading with { Input = input };
    }

    private static BarcodeReading ReadPlainGtin(string input, string digits)
    {
        if (!Gtin.IsValid(digits))
        {
            int expected = Gs1CheckDigit.Compute(digits.AsSpan(0, digits.Length - 1));
            return new BarcodeReading
            {
                Input = input,
                Scheme = IdentifierScheme.Gs1,
                Errors = [new IdentifierError("GS1_INVALID_CHECK_DIGIT", digits.Length - 1, $"The GTIN {digits} has a wrong check digit at position {digits.Length - 1}: it should be {expected}.")],
            };
        }

        string gtin = Gtin.Normalize(digits)!;
        return new BarcodeReading
        {
            Input = input,
            Scheme = IdentifierScheme.Gs1,
            Gtin = gtin,
            Cip13 = FrenchProductCode.Cip13FromGtin(gtin),
            Acl13 = FrenchProductCode.Acl13FromGtin(gtin),
            UdiDi = gtin,
            Elements = [new DataElement("01", gtin)],
        };
    }

    private static BarcodeReading Unknown(string input, string code, int position, string message) => new()
    {
        Input = input,
        Scheme = IdentifierScheme.Unknown,
        Errors = [new IdentifierError(code, position, message)],
    };
}
