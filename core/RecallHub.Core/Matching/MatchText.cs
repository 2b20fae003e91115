namespace RecallHub.Core.Matching;

/// <summary>
/// How lots and serials are compared: white space is ignored and letters are folded to upper case (invariant);
/// nothing else changes, leading zeros included.
/// </summary>
internal static class MatchText
{
    /// <summary>Stack buffers up to this length; longer text (never seen on a pack) goes to the heap.</summary>
    public const int StackLimit = 128;

    /// <summary><see langword="true"/> when <paramref name="text"/> has a character that counts.</summary>
    public static bool HasValue(ReadOnlySpan<char> text) => !text.IsWhiteSpace();

    /// <summary>The character as compared.</summary>
    public static char Fold(char c) =>
        char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c < '\u0080' ? c : char.ToUpperInvariant(c);

    /// <summary>Writes the compared form of <paramref name="source"/>; <paramref name="destination"/> must be as long.</summary>
    /// <returns>The number of characters written.</returns>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        int count = 0;
        foreach (char c in source)
        {
            if (!char.IsWhiteSpace(c))
            {
                destination[count++] = Fold(c);
            }
        }

        return count;
    }

    /// <summary>The compared form of <paramref name="source"/> as a string.</summary>
    public static string Normalize(string source)
    {
        Span<char> buffer = source.Length <= StackLimit ? stackalloc char[StackLimit] : new char[source.Length];
        int count = Normalize(source, buffer);
        return count == source.Length && source.AsSpan().SequenceEqual(buffer[..count]) ? source : new string(buffer[..count]);
    }

    /// <summary><see langword="true"/> when both texts have the same compared form.</summary>
    public static bool AreEqual(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        int i = 0;
        int j = 0;
        while (true)
        {
            while (i < x.Length && char.IsWhiteSpace(x[i]))
            {
                i++;
            }

            while (j < y.Length && char.IsWhiteSpace(y[j]))
            {
                j++;
            }

            if (i == x.Length || j == y.Length)
            {
                return i == x.Length && j == y.Length;
            }

            if (Fold(x[i]) != Fold(y[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>A hash of the compared form (FNV-1a over the folded characters).</summary>
    public static int Hash(ReadOnlySpan<char> text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                hash = (hash ^ Fold(c)) * 16777619;
            }
        }

        return (int)hash;
    }
}
