namespace RecallHub.Sources.AclSante.Units;

/// <summary>
/// Reads lots written as one text (<c>"0031234567, 0031234568; L9"</c>): separated by commas, semicolons, vertical
/// bars or line breaks, trimmed, empty entries dropped, each lot once (compared as the hub compares lots: case and
/// white space ignored).
/// </summary>
/// <remarks>Spaces and hyphens do not separate lots: both occur inside real lot numbers.</remarks>
internal static class LotListParser
{
    private static readonly char[] Separators = [',', ';', '|', '\n', '\r'];

    /// <summary>The lots of <paramref name="text"/>, in order.</summary>
    /// <param name="text">The lots as written.</param>
    public static IReadOnlyList<string> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lots = new List<string>();
        foreach (string part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (seen.Add(Key(part)))
            {
                lots.Add(part);
            }
        }

        return lots;
    }

    /// <summary>A lot as the hub compares it: upper case, without white space.</summary>
    public static string Key(string lot) => string.Concat(lot.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
