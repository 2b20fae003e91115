namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>The GS1 mod-10 check digit of GTINs, GLNs, SSCCs and the other numeric GS1 keys.</summary>
public static class Gs1CheckDigit
{
    /// <summary>Computes the check digit for <paramref name="digits"/> (the key without its check digit).</summary>
    /// <param name="digits">ASCII digits only.</param>
    /// <returns>The check digit 0–9, or -1 when <paramref name="digits"/> is empty or holds a non-digit.</returns>
    public static int Compute(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return -1;
        }

        // Weights 3,1,3,1… from the right, the check digit position excluded.
        int sum = 0;
        bool triple = true;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if ((uint)d > 9)
            {
                return -1;
            }

            sum += triple ? d * 3 : d;
            triple = !triple;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary><see langword="true"/> when the last digit of <paramref name="key"/> is its GS1 check digit.</summary>
    /// <param name="key">The whole key, check digit last.</param>
    public static bool IsValid(ReadOnlySpan<char> key) =>
        key.Length >= 2 && Compute(key[..^1]) is var expected and >= 0 && key[^1] - '0' == expected;
}
