using System.Globalization;

namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>Small span helpers shared by the UDI parsers.</summary>
internal static class UdiText
{
    /// <summary>
    /// The end of the meaningful input: a scanner in keyboard mode usually ends a read with Enter, so trailing CR and
    /// LF are not data.
    /// </summary>
    public static int TrimmedEnd(ReadOnlySpan<char> input)
    {
        int end = input.Length;
        while (end > 0 && input[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// The length of an AIM symbology identifier (<c>]</c>, a symbology letter and a modifier character, e.g.
    /// <c>]d1</c>, <c>]C0</c>, <c>]Q1</c>) at the start of <paramref name="input"/>, or 0.
    /// </summary>
    public static int SymbologyIdentifierLength(ReadOnlySpan<char> input) =>
        input.Length >= 3 && input[0] == ']' && char.IsAsciiLetter(input[1]) && char.IsAsciiLetterOrDigit(input[2]) ? 3 : 0;

    /// <summary>A character as a message shows it: <c>'A'</c>, or its code point when it is not printable.</summary>
    public static string Describe(char c) =>
        c is >= ' ' and <= '~'
            ? "'" + c + "'"
            : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>A zero-based position as messages show it.</summary>
    public static string At(int position) => position.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as messages show it: <c>2026-11-30</c>.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads <paramref name="count"/> ASCII digits as a number; <see langword="false"/> on any non-digit.</summary>
    public static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || count <= 0 || start + count > s.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            int d = s[i] - '0';
            if ((uint)d > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>The position of the first non-digit in <paramref name="s"/>, or -1.</summary>
    public static int FirstNonDigit(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The date of ordinal day <paramref name="dayOfYear"/> (1 = 1 January) of <paramref name="year"/>.</summary>
    public static bool TryOrdinalDate(int year, int dayOfYear, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || dayOfYear < 1 || dayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return false;
        }

        date = new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
        return true;
    }
}
