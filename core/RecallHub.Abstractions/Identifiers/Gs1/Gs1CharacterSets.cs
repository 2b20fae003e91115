using System.Buffers;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>Membership tests for the GS1 character sets, vectorised by <see cref="SearchValues"/>.</summary>
internal static class Gs1CharacterSets
{
    private static readonly SearchValues<char> Numeric = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> Cset82 = SearchValues.Create(
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> Cset39 = SearchValues.Create("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly SearchValues<char> Cset64 = SearchValues.Create(
        "-0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

    /// <summary>The index of the first character of <paramref name="value"/> outside <paramref name="set"/>, or -1.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<char> value, Gs1CharacterSet set) => set switch
    {
        Gs1CharacterSet.Numeric => value.IndexOfAnyExcept(Numeric),
        Gs1CharacterSet.Cset82 => value.IndexOfAnyExcept(Cset82),
        Gs1CharacterSet.Cset39 => value.IndexOfAnyExcept(Cset39),
        _ => IndexOfInvalidCset64(value),
    };

    // CSET 64 pads with '=' only at the end (base64url).
    private static int IndexOfInvalidCset64(ReadOnlySpan<char> value)
    {
        int invalid = value.IndexOfAnyExcept(Cset64);
        if (invalid >= 0)
        {
            return invalid;
        }

        int padding = value.IndexOf('=');
        if (padding < 0)
        {
            return -1;
        }

        int end = padding;
        while (end < value.Length && value[end] == '=')
        {
            end++;
        }

        return end == value.Length && value.Length - padding <= 2 ? -1 : padding;
    }
}
