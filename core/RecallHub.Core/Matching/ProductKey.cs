using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.ProductCodes;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Matching;

/// <summary>
/// The key a recalled product and a scanned pack are matched on: one string, compared ordinally.
/// <list type="bullet">
/// <item>GTIN, CIP13, ACL13 and GS1 UDI-DI: the GTIN-14 (so the CIP13 <c>3400930270387</c> of a notice meets the
/// <c>03400930270387</c> of a DataMatrix); white space is removed and a wrong check digit gives no key.</item>
/// <item>HIBCC: <c>HIBCC:</c> + labeler + product + unit of measure, upper case.</item>
/// <item>IFA: <c>PPN:</c> + the Pharmacy Product Number, upper case.</item>
/// <item>CIP7, ACL7 and manufacturer references: no key. Scans never carry them (a CIP7 must first be turned into its
/// CIP13 through the medicines database), so such products cannot be matched automatically: the caller must flag
/// the notice for people to check.</item>
/// </list>
/// </summary>
public static class ProductKey
{
    /// <summary>The prefix of HIBCC keys.</summary>
    public const string HibccPrefix = "HIBCC:";

    /// <summary>The prefix of IFA PPN keys.</summary>
    public const string PpnPrefix = "PPN:";

    /// <summary><see langword="true"/> when products coded in <paramref name="scheme"/> can be matched against scans.</summary>
    /// <param name="scheme">The code's scheme.</param>
    public static bool IsMatchable(CodeScheme scheme) =>
        scheme is CodeScheme.Gtin or CodeScheme.Cip13 or CodeScheme.Acl13 or CodeScheme.UdiDi or CodeScheme.Hibcc or CodeScheme.Ppn;

    /// <summary>The key of a recalled product, or <see langword="null"/> when it cannot be matched against scans.</summary>
    /// <param name="product">The product as the notice gives it.</param>
    public static string? Of(RecalledProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Of(product.CodeScheme, product.Code);
    }

    /// <summary>
    /// The key of a code from a notice, or <see langword="null"/> when it cannot be matched against scans (CIP7, ACL7,
    /// reference, a GTIN with a wrong check digit, an empty code).
    /// </summary>
    /// <param name="scheme">The code's scheme.</param>
    /// <param name="code">The code; white space is ignored.</param>
    public static string? Of(CodeScheme scheme, string? code)
    {
        if (code is null || !IsMatchable(scheme))
        {
            return null;
        }

        string compact = RemoveWhiteSpace(code);
        return scheme switch
        {
            CodeScheme.Hibcc => Prefixed(HibccPrefix, compact.StartsWith('+') ? compact[1..] : compact),
            CodeScheme.Ppn => Prefixed(PpnPrefix, compact),
            _ => Gtin.Normalize(compact),
        };
    }

    /// <summary>
    /// The key of a scanned pack: its GTIN-14 when it has one, else its HIBCC UDI-DI or its IFA PPN; <see langword="null"/>
    /// when the scan names no product that can be matched (ICCBBA, a legacy 7-digit code, an unreadable code).
    /// </summary>
    /// <param name="reading">The scan as <see cref="BarcodeReader.Read"/> returns it.</param>
    public static string? Of(BarcodeReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Gtin is { } gtin)
        {
            if (gtin.Length == Gtin.Length && Gtin.IsValid(gtin))
            {
                return gtin;
            }

            if (Gtin.Normalize(gtin) is { } normalized)
            {
                return normalized;
            }
        }

        if (reading.Scheme == IdentifierScheme.Hibcc)
        {
            string? di = reading.UdiDi
                ?? (reading.Labeler is not null && reading.Product is not null ? reading.Labeler + reading.Product + reading.UnitOfMeasure : null);
            if (di is not null && Prefixed(HibccPrefix, RemoveWhiteSpace(di)) is { } hibcc)
            {
                return hibcc;
            }
        }

        return reading.Ppn is { } ppn ? Prefixed(PpnPrefix, RemoveWhiteSpace(ppn)) : null;
    }

    private static string? Prefixed(string prefix, string code) => code.Length == 0 ? null : prefix + code.ToUpperInvariant();

    private static string RemoveWhiteSpace(string code) =>
        code.Any(char.IsWhiteSpace) ? string.Concat(code.Where(c => !char.IsWhiteSpace(c))) : code;
}
