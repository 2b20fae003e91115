namespace RecallHub.Core.Matching;

/// <summary>Whether a serial lies in a <see cref="Abstractions.Notices.SerialRange"/>; see <see cref="LotSelectorMatcher"/> for the rules.</summary>
internal static class SerialMatcher
{
    /// <summary>Compares serials already in their compared form (<see cref="MatchText.Normalize(ReadOnlySpan{char}, Span{char})"/>).</summary>
    /// <param name="first">The range's first serial; empty means "the same as <paramref name="last"/>".</param>
    /// <param name="last">The range's last serial; empty means "the same as <paramref name="first"/>".</param>
    /// <param name="serial">The pack's serial.</param>
    public static bool Contains(ReadOnlySpan<char> first, ReadOnlySpan<char> last, ReadOnlySpan<char> serial)
    {
        if (first.IsEmpty)
        {
            first = last;
        }
        else if (last.IsEmpty)
        {
            last = first;
        }

        if (first.IsEmpty || serial.IsEmpty)
        {
            return false;
        }

        if (first.Length == last.Length)
        {
            // One numbering: a serial of another length is not in it. Digit strings of equal length compare as
            // numbers when compared ordinally, however long (20-digit serials do not fit a long).
            return serial.Length == first.Length && first.SequenceCompareTo(serial) <= 0 && serial.SequenceCompareTo(last) <= 0;
        }

        if (IsDigits(first) && IsDigits(last) && IsDigits(serial))
        {
            return CompareNumbers(first, serial) <= 0 && CompareNumbers(serial, last) <= 0;
        }

        return first.SequenceCompareTo(serial) <= 0 && serial.SequenceCompareTo(last) <= 0;
    }

    /// <summary>Compares <paramref name="serial"/> (in its compared form) with a range as written in a notice.</summary>
    public static bool ContainsRaw(ReadOnlySpan<char> first, ReadOnlySpan<char> last, ReadOnlySpan<char> serial)
    {
        Span<char> firstBuffer = first.Length <= MatchText.StackLimit ? stackalloc char[MatchText.StackLimit] : new char[first.Length];
        Span<char> lastBuffer = last.Length <= MatchText.StackLimit ? stackalloc char[MatchText.StackLimit] : new char[last.Length];
        int firstLength = MatchText.Normalize(first, firstBuffer);
        int lastLength = MatchText.Normalize(last, lastBuffer);
        return Contains(firstBuffer[..firstLength], lastBuffer[..lastLength], serial);
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => text.IndexOfAnyExceptInRange('0', '9') < 0;

    private static int CompareNumbers(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);
    }
}
