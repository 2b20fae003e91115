using RecallHub.Abstractions.Identifiers.ProductCodes;

namespace RecallHub.Abstractions.Identifiers.Gs1;

public static partial class Gs1ElementStringParser
{
    /// <summary>Parses <paramref name="input"/> strictly and says what it holds.</summary>
    /// <param name="input">What the scanner sent.</param>
    /// <param name="options">How to read; <see cref="Gs1ParserOptions.Default"/> when <see langword="null"/>.</param>
    public static BarcodeReading Read(string input, Gs1ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= Gs1ParserOptions.Default;
        var elementBuffer = default(ElementBuffer);
        var errorBuffer = default(ErrorBuffer);
        Span<Gs1ElementRange> elements = elementBuffer;
        Span<Gs1Error> errors = errorBuffer;
        var result = Parse(input, elements, errors, options);
        int currentYear = options.CurrentYear();
        return BuildReading(input, elements[..result.ElementCount], errors[..Math.Min(result.ErrorCount, errors.Length)], currentYear);
    }

    internal static BarcodeReading BuildReading(string input, ReadOnlySpan<Gs1ElementRange> elements, ReadOnlySpan<Gs1Error> errors, int currentYear)
    {
        var list = new DataElement[elements.Length];
        string? gtin = null, lot = null, serial = null;
        DateOnly? expiry = null, production = null;
        for (int i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            var value = element.ValueOf(input);
            list[i] = new DataElement(element.Identifier.Code, value.ToString());
            switch (element.Identifier.Code)
            {
                case "01":
                case "02" when gtin is null:
                    gtin = list[i].Value;
                    break;
                case "10":
                    lot = list[i].Value;
                    break;
                case "21":
                    serial = list[i].Value;
                    break;
                case "17" when Gs1Date.TryRead(value, currentYear, allowDayZero: true, out var e):
                    expiry = e;
                    break;
                case "11" when Gs1Date.TryRead(value, currentYear, allowDayZero: true, out var p):
                    production = p;
                    break;
                default:
                    break;
            }
        }

        var errorList = new IdentifierError[errors.Length];
        for (int i = 0; i < errors.Length; i++)
        {
            errorList[i] = errors[i].ToIdentifierError();
        }

        bool gtinValid = gtin is not null && Gtin.IsValid(gtin);
        return new BarcodeReading
        {
            Input = input,
            Scheme = IdentifierScheme.Gs1,
            Gtin = gtinValid ? gtin : null,
            Cip13 = gtinValid ? FrenchProductCode.Cip13FromGtin(gtin) : null,
            Acl13 = gtinValid ? FrenchProductCode.Acl13FromGtin(gtin) : null,
            UdiDi = gtinValid ? gtin : null,
            Lot = lot,
            Serial = serial,
            Expiry = expiry,
            ProductionDate = production,
            Elements = list,
            Errors = errorList,
        };
    }

    // Stack buffers for types that hold references, which stackalloc cannot take.
    [System.Runtime.CompilerServices.InlineArray(MaxElements)]
    private struct ElementBuffer
    {
        private Gs1ElementRange _element;
    }

    [System.Runtime.CompilerServices.InlineArray(MaxElements)]
    private struct ErrorBuffer
    {
        private Gs1Error _error;
    }
}
