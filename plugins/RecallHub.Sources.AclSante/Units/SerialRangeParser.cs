using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.AclSante.Units;

/// <summary>
/// Reads a serial (or lot) range written as text: <c>SN1000-SN1099</c>, <c>SN1000 à SN1099</c>, <c>1000..1099</c>,
/// the shorthand <c>SN1000-1099</c>, or one serial (<c>AB-1234</c>).
/// </summary>
/// <remarks>
/// Serial numbers often contain hyphens, so a bare <c>-</c> splits only ends of one shape (digits, or one prefix then
/// digits) that come out in order; anything else is one serial, which is the narrow reading. Spelled separators
/// (<c>..</c>, <c>à</c>, <c>au</c>, <c>to</c>, a dash with spaces, an en or em dash) always split, and a reversed
/// range is put back in order and reported. Ends are compared as the hub's matcher compares them (upper case; digits
/// of different lengths as numbers).
/// </remarks>
internal static class SerialRangeParser
{
    private static readonly string[] Separators = ["..", " à ", " au ", " to ", " - ", "–", "—"];

    /// <summary>Reads <paramref name="text"/>; <see langword="null"/> when it holds nothing.</summary>
    /// <param name="text">The range as written.</param>
    /// <param name="problem">Set when the range was written backwards and has been put back in order.</param>
    public static SerialRange? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim();
        foreach (string separator in Separators)
        {
            int at = trimmed.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at + separator.Length < trimmed.Length)
            {
                return Ordered(trimmed[..at].Trim(), trimmed[(at + separator.Length)..].Trim(), text, out problem);
            }
        }

        int hyphen = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && hyphen == trimmed.LastIndexOf('-') && hyphen < trimmed.Length - 1)
        {
            string first = trimmed[..hyphen];
            string last = Expand(first, trimmed[(hyphen + 1)..]);
            if (SameShape(first, last) && Compare(first, last) < 0)
            {
                return new SerialRange(first, last);
            }
        }

        return new SerialRange(trimmed, trimmed);
    }

    /// <summary>Builds a range from both ends as the wire gave them; a missing last end is the first.</summary>
    /// <param name="first">The first unit.</param>
    /// <param name="last">The last unit, or <see langword="null"/>.</param>
    /// <param name="problem">Set when the range was written backwards and has been put back in order.</param>
    public static SerialRange? FromEnds(string? first, string? last, out string? problem)
    {
        problem = null;
        first = string.IsNullOrWhiteSpace(first) ? null : first.Trim();
        last = string.IsNullOrWhiteSpace(last) ? null : last.Trim();
        return (first ?? last) is null ? null : Ordered(first ?? last!, last ?? first!, $"{first}–{last}", out problem);
    }

    /// <summary>
    /// Orders two serials as the hub's matcher does: upper case; digit strings of different lengths as numbers;
    /// otherwise ordinal.
    /// </summary>
    public static int Compare(string first, string last)
    {
        string x = first.ToUpperInvariant();
        string y = last.ToUpperInvariant();
        if (x.Length != y.Length && IsDigits(x) && IsDigits(y))
        {
            string a = x.TrimStart('0');
            string b = y.TrimStart('0');
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }

        return string.CompareOrdinal(x, y);
    }

    private static SerialRange? Ordered(string first, string last, string written, out string? problem)
    {
        problem = null;
        last = Expand(first, last);
        if (Compare(first, last) <= 0)
        {
            return new SerialRange(first, last);
        }

        problem = $"the range '{written.Trim()}' is written backwards; it is read from {last} to {first}.";
        return new SerialRange(last, first);
    }

    // "SN1000-1099": the last end gives only the digits that change.
    private static string Expand(string first, string last)
    {
        int digits = TrailingDigits(first);
        return IsDigits(last) && last.Length < first.Length && last.Length <= digits
            ? first[..^last.Length] + last
            : last;
    }

    private static bool SameShape(string first, string last)
    {
        if (IsDigits(first) && IsDigits(last))
        {
            return true;
        }

        int firstDigits = TrailingDigits(first);
        int lastDigits = TrailingDigits(last);
        return firstDigits > 0 && lastDigits > 0
            && string.Equals(first[..^firstDigits], last[..^lastDigits], StringComparison.OrdinalIgnoreCase);
    }

    private static int TrailingDigits(string text)
    {
        int count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[^(count + 1)]))
        {
            count++;
        }

        return count;
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
