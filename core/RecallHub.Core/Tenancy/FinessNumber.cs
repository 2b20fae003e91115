using System.Diagnostics.CodeAnalysis;

namespace RecallHub.Core.Tenancy;

/// <summary>
/// A FINESS number: the national identifier of a French health establishment, here of a pharmacy. A hub serving
/// several pharmacies keeps each one's data under its FINESS number.
/// </summary>
/// <remarks>
/// Nine characters: the département (<c>01</c>–<c>95</c>, <c>2A</c>, <c>2B</c>, <c>97</c>/<c>98</c> overseas), six
/// digits, and a Luhn check digit. The check digit is verified when the number is all digits; for Corsica
/// (<c>2A</c>/<c>2B</c>) only the form is checked, because the published rule for the letters varies between sources.
/// </remarks>
public readonly record struct FinessNumber
{
    private readonly string? _value;

    private FinessNumber(string value) => _value = value;

    /// <summary>The nine characters, upper case (<c>750712184</c>).</summary>
    public string Value => _value ?? throw new InvalidOperationException("An empty FinessNumber: use Parse or TryParse.");

    /// <summary>Reads a FINESS number; spaces are ignored.</summary>
    /// <param name="text">The number as typed (<c>75 071 218 4</c>).</param>
    /// <exception cref="FormatException">It is not a FINESS number; the message says what is wrong.</exception>
    public static FinessNumber Parse(string? text) =>
        TryParse(text, out var number, out string? error) ? number : throw new FormatException(error);

    /// <summary>Reads a FINESS number; spaces are ignored.</summary>
    /// <param name="text">The number as typed.</param>
    /// <param name="number">The number, when it is one.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    public static bool TryParse(string? text, out FinessNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        string compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 9)
        {
            error = $"A FINESS number has 9 characters; '{text}' has {compact.Length}.";
            return false;
        }

        bool corsica = compact[0] == '2' && compact[1] is 'A' or 'B';
        for (int i = corsica ? 2 : 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(compact[i]))
            {
                error = $"The FINESS number '{text}' has '{compact[i]}' at position {i + 1}: only digits are allowed there.";
                return false;
            }
        }

        if (!corsica && compact[..2] == "00")
        {
            error = $"The FINESS number '{text}' starts with 00, which is no département.";
            return false;
        }

        if (!corsica && !HasValidKey(compact))
        {
            error = $"The FINESS number '{text}' has a wrong check digit (its last digit): was it mistyped?";
            return false;
        }

        number = new FinessNumber(compact);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    // Luhn over the nine digits, the check digit included.
    private static bool HasValidKey(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
