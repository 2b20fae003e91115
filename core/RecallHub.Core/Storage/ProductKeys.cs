using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>
/// The keys that recalled products and scanned packs are stored and looked up by. A GTIN, CIP13, ACL13 or GS1
/// UDI-DI is keyed as its GTIN-14 (so a CIP13 in a notice meets the GTIN-14 of a scanned DataMatrix); other schemes
/// are keyed as <c>scheme:code</c> (<c>hibcc:</c>, <c>ppn:</c>, <c>cip7:</c>, <c>acl7:</c>, <c>reference:</c>).
/// Lots are compared case- and white-space-insensitively.
/// </summary>
public static class ProductKeys
{
    /// <summary>The key of a product a notice names.</summary>
    /// <param name="scheme">The code's scheme.</param>
    /// <param name="code">The code.</param>
    public static string Of(CodeScheme scheme, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return scheme switch
        {
            CodeScheme.Gtin or CodeScheme.Cip13 or CodeScheme.Acl13 or CodeScheme.UdiDi when Gtin.Normalize(code) is { } gtin => gtin,
            CodeScheme.Hibcc => "hibcc:" + code.Trim().ToUpperInvariant(),
            _ => Prefix(scheme) + ":" + code.Trim(),
        };
    }

    /// <summary>The key of a scanned pack, or <see langword="null"/> when the code identifies no product.</summary>
    /// <param name="reading">The parsed scan.</param>
    public static string? Of(BarcodeReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Gtin is { } gtin)
        {
            return Gtin.Normalize(gtin) ?? gtin;
        }

        return reading.Scheme switch
        {
            IdentifierScheme.Hibcc when reading.UdiDi is { } di => "hibcc:" + di.ToUpperInvariant(),
            IdentifierScheme.Ifa when reading.Ppn is { } ppn => "ppn:" + ppn,
            _ => null,
        };
    }

    /// <summary>A lot as compared: upper case, without white space; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="lot">The lot as printed or written in a notice.</param>
    public static string? Lot(string? lot)
    {
        if (lot is null)
        {
            return null;
        }

        return string.Create(lot.Length - lot.Count(char.IsWhiteSpace), lot, static (span, source) =>
        {
            int i = 0;
            foreach (char c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    private static string Prefix(CodeScheme scheme) => scheme switch
    {
        CodeScheme.Gtin => "gtin",
        CodeScheme.Cip13 => "cip13",
        CodeScheme.Cip7 => "cip7",
        CodeScheme.Acl13 => "acl13",
        CodeScheme.Acl7 => "acl7",
        CodeScheme.UdiDi => "udi_di",
        CodeScheme.Hibcc => "hibcc",
        CodeScheme.Ppn => "ppn",
        _ => "reference",
    };
}
