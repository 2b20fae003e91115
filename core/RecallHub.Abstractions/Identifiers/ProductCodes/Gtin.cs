using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Identifiers.ProductCodes;

/// <summary>
/// Global Trade Item Numbers. GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13, CIP13, ACL13) and GTIN-14 are compared as
/// GTIN-14: the same number left-padded with zeros.
/// </summary>
public static class Gtin
{
    /// <summary>The length of a normalised GTIN.</summary>
    public const int Length = 14;

    /// <summary><see langword="true"/> when <paramref name="code"/> is 8, 12, 13 or 14 digits with a valid check digit.</summary>
    /// <param name="code">The code as printed, without spaces.</param>
    public static bool IsValid(ReadOnlySpan<char> code) =>
        code.Length is 8 or 12 or 13 or 14 && code.IndexOfAnyExceptInRange('0', '9') < 0 && Gs1CheckDigit.IsValid(code);

    /// <summary>Writes <paramref name="code"/> as a GTIN-14 into <paramref name="destination"/>, without allocating.</summary>
    /// <param name="code">A GTIN-8, -12, -13 or -14.</param>
    /// <param name="destination">At least 14 characters.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a valid GTIN.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> code, Span<char> destination)
    {
        if (!IsValid(code) || destination.Length < Length)
        {
            return false;
        }

        int padding = Length - code.Length;
        destination[..padding].Fill('0');
        code.CopyTo(destination[padding..]);
        return true;
    }

    /// <summary>Returns <paramref name="code"/> as a GTIN-14, or <see langword="null"/> when it is not a valid GTIN.</summary>
    /// <param name="code">A GTIN-8, -12, -13 or -14; spaces are ignored (codes are often printed in groups).</param>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        Span<char> digits = stackalloc char[Length];
        int count = 0;
        foreach (char c in code)
        {
            if (c == ' ')
            {
                continue;
            }

            if (count == Length)
            {
                return null;
            }

            digits[count++] = c;
        }

        Span<char> gtin = stackalloc char[Length];
        return TryNormalize(digits[..count], gtin) ? new string(gtin) : null;
    }
}
