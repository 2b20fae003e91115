using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Identifiers.ProductCodes;

/// <summary>
/// French health-product codes: CIP13 (<c>34009…</c>, medicines) and ACL13 (<c>3401…</c>, other health products)
/// are GTIN-13s; CIP7 and ACL7 are their legacy seven-digit forms ending with a key.
/// </summary>
/// <remarks>
/// Mapping a CIP7 to its CIP13 needs the public medicines database (BDPM <c>CIS_CIP_bdpm.txt</c>): the middle
/// digits of a CIP13 created since 2009 are not always a keyed CIP7, so none is derived here.
/// </remarks>
public static class FrenchProductCode
{
    /// <summary>The GS1 prefix of CIP13 medicine codes.</summary>
    public const string Cip13Prefix = "34009";

    /// <summary>The GS1 prefix of ACL13 codes.</summary>
    public const string Acl13Prefix = "3401";

    /// <summary><see langword="true"/> when <paramref name="code"/> is a CIP13: 13 digits, <c>34009</c>, valid GS1 check digit.</summary>
    /// <param name="code">The code to test.</param>
    public static bool IsCip13(ReadOnlySpan<char> code) =>
        code.Length == 13 && code.StartsWith(Cip13Prefix, StringComparison.Ordinal) && Gtin.IsValid(code);

    /// <summary><see langword="true"/> when <paramref name="code"/> is an ACL13: 13 digits, <c>3401</c>, valid GS1 check digit.</summary>
    /// <param name="code">The code to test.</param>
    public static bool IsAcl13(ReadOnlySpan<char> code) =>
        code.Length == 13 && code.StartsWith(Acl13Prefix, StringComparison.Ordinal) && Gtin.IsValid(code);

    /// <summary>The CIP13 inside a GTIN (any length), or <see langword="null"/> when it holds none.</summary>
    /// <param name="gtin">A valid GTIN-13 or GTIN-14 (<c>0</c> + CIP13).</param>
    public static string? Cip13FromGtin(string? gtin) => FromGtin(gtin, Cip13Prefix);

    /// <summary>The ACL13 inside a GTIN (any length), or <see langword="null"/> when it holds none.</summary>
    /// <param name="gtin">A valid GTIN-13 or GTIN-14 (<c>0</c> + ACL13).</param>
    public static string? Acl13FromGtin(string? gtin) => FromGtin(gtin, Acl13Prefix);

    /// <summary>
    /// <see langword="true"/> when <paramref name="code"/> is seven digits whose last is the CIP7 key: the first six
    /// digits weighted 2 to 7 from the left, summed, modulo 11.
    /// </summary>
    /// <remarks>
    /// The key rule is inferred from legacy codes found in public ANSM notices, not from an ANSM specification; a
    /// remainder of 10 has not been observed and is rejected.
    /// </remarks>
    /// <param name="code">The code to test.</param>
    public static bool IsValidCip7(ReadOnlySpan<char> code) => HasSevenDigitKey(code);

    /// <summary><see langword="true"/> when <paramref name="code"/> is seven digits ending with a key computed as for <see cref="IsValidCip7"/>.</summary>
    /// <remarks>ACL publishes no key rule; the CIP7 rule is assumed, so treat a failure as a warning.</remarks>
    /// <param name="code">The code to test.</param>
    public static bool IsValidAcl7(ReadOnlySpan<char> code) => HasSevenDigitKey(code);

    /// <summary>Computes the seven-digit key for six digits, or -1 when it is not a digit.</summary>
    /// <param name="sixDigits">The first six digits.</param>
    public static int ComputeSevenDigitKey(ReadOnlySpan<char> sixDigits)
    {
        if (sixDigits.Length != 6 || sixDigits.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return -1;
        }

        int sum = 0;
        for (int i = 0; i < 6; i++)
        {
            sum += (sixDigits[i] - '0') * (i + 2);
        }

        int key = sum % 11;
        return key == 10 ? -1 : key;
    }

    private static bool HasSevenDigitKey(ReadOnlySpan<char> code) =>
        code.Length == 7 && ComputeSevenDigitKey(code[..6]) is var key and >= 0 && code[6] - '0' == key;

    private static string? FromGtin(string? gtin, string prefix)
    {
        if (gtin is null || !Gtin.IsValid(gtin))
        {
            return null;
        }

        var span = gtin.AsSpan();
        if (span.Length == 14)
        {
            if (span[0] != '0')
            {
                return null;
            }

            span = span[1..];
        }

        return span.Length == 13 && span.StartsWith(prefix, StringComparison.Ordinal) && Gs1CheckDigit.IsValid(span) ? span.ToString() : null;
    }
}
