using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;

namespace RecallHub.Core.Storage;

/// <summary>
/// The keys that recalled products and scanned packs are stored and looked up by. Every product that can be matched
/// against scans is keyed exactly as <see cref="ProductKey"/> keys it (a CIP13 in a notice and the GTIN-14 of a
/// scanned DataMatrix meet; HIBCC and PPN device identifiers likewise), so the store's pre-filter and the matcher
/// never disagree. Products that cannot be matched (CIP7, ACL7, references, a GTIN with a bad check digit) are
/// stored under <c>scheme:code</c> for people to look up. Lots are compared case- and white-space-insensitively.
/// </summary>
public static class ProductKeys
{
    /// <summary>The key of a product a notice names.</summary>
    /// <param name="scheme">The code's scheme.</param>
    /// <param name="code">The code.</param>
    public static string Of(CodeScheme scheme, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ProductKey.Of(scheme, code) ?? Prefix(scheme) + ":" + code.Trim();
    }

    /// <summary>The key of a scanned pack, or <see langword="null"/> when the code identifies no product.</summary>
    /// <param name="reading">The parsed scan.</param>
    public static string? Of(BarcodeReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return ProductKey.Of(reading);
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
