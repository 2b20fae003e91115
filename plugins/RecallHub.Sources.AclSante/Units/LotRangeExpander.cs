using System.Globalization;
using System.Numerics;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.AclSante.Units;

/// <summary>
/// Turns a lot range (<c>L2401</c>–<c>L2405</c>) into its lots, since a hub selector lists lots one by one: the ends
/// must share a prefix and have numeric suffixes of one width, and the range may hold at most
/// <see cref="MaxLots"/> lots.
/// </summary>
internal static class LotRangeExpander
{
    /// <summary>The largest range expanded; a wider one is left to people (the device is then recalled for every lot).</summary>
    public const int MaxLots = 500;

    /// <summary>The lots of <paramref name="range"/>, or <see langword="null"/> when it cannot be expanded safely.</summary>
    /// <param name="range">The range, in order.</param>
    public static IReadOnlyList<string>? Expand(SerialRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (string.Equals(range.First, range.Last, StringComparison.OrdinalIgnoreCase))
        {
            return [range.First];
        }

        int digits = TrailingDigits(range.First);
        if (digits == 0 || range.First.Length != range.Last.Length || TrailingDigits(range.Last) < digits
            || !string.Equals(range.First[..^digits], range.Last[..^digits], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var first = BigInteger.Parse(range.First.AsSpan()[^digits..], CultureInfo.InvariantCulture);
        var last = BigInteger.Parse(range.Last.AsSpan()[^digits..], CultureInfo.InvariantCulture);
        if (last < first || last - first >= MaxLots)
        {
            return null;
        }

        string prefix = range.First[..^digits];
        string format = "D" + digits.ToString(CultureInfo.InvariantCulture);
        int count = (int)(last - first) + 1;
        return [.. Enumerable.Range(0, count).Select(i => prefix + (first + i).ToString(format, CultureInfo.InvariantCulture))];
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
}
