using System.Collections.Frozen;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>The table of GS1 Application Identifiers of the GS1 General Specifications, with fast look-ups.</summary>
public static class ApplicationIdentifiers
{
    // Indexed by the identifier's numeric value: a two-, three- or four-digit identifier is unique by value
    // because its two first digits decide its length.
    private static readonly ApplicationIdentifier?[] ByNumericKey = new ApplicationIdentifier?[10_000];

    // Length of an identifier by its two first digits; 0 where no identifier starts with them.
    private static readonly byte[] LengthByPrefix = new byte[100];

    private static readonly FrozenDictionary<string, ApplicationIdentifier> ByCode;

    static ApplicationIdentifiers()
    {
        var all = ApplicationIdentifierCatalog.Create();
        foreach (var ai in all)
        {
            ByNumericKey[ai.NumericKey] = ai;
            LengthByPrefix[((ai.Code[0] - '0') * 10) + (ai.Code[1] - '0')] = (byte)ai.Code.Length;
        }

        All = all;
        ByCode = all.ToFrozenDictionary(ai => ai.Code, StringComparer.Ordinal);
    }

    /// <summary>Every application identifier, in ascending order of code.</summary>
    public static IReadOnlyList<ApplicationIdentifier> All { get; }

    /// <summary>
    /// <see langword="true"/> when identifiers starting with these two digits are in the GS1 predefined-length
    /// table (00–04, 11–20, 31–36, 41) and so never need an FNC1 separator.
    /// </summary>
    /// <param name="prefix">The two first digits of an identifier.</param>
    public static bool IsPredefinedLengthPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length < 2 || !char.IsAsciiDigit(prefix[0]) || !char.IsAsciiDigit(prefix[1]))
        {
            return false;
        }

        int value = ((prefix[0] - '0') * 10) + (prefix[1] - '0');
        return value is <= 4 or (>= 11 and <= 20) or (>= 31 and <= 36) or 41;
    }

    /// <summary>How many digits an identifier starting with these two digits has, or 0 when none does.</summary>
    /// <param name="prefix">At least the two first digits of an identifier.</param>
    public static int GetCodeLength(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length < 2 || !char.IsAsciiDigit(prefix[0]) || !char.IsAsciiDigit(prefix[1]))
        {
            return 0;
        }

        return LengthByPrefix[((prefix[0] - '0') * 10) + (prefix[1] - '0')];
    }

    /// <summary>Finds the identifier whose code is exactly <paramref name="code"/>, without allocating.</summary>
    /// <param name="code">Two to four digits.</param>
    /// <param name="identifier">The identifier, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a known identifier.</returns>
    public static bool TryFind(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ApplicationIdentifier? identifier)
    {
        identifier = null;
        if (code.Length is < 2 or > 4 || GetCodeLength(code) != code.Length)
        {
            return false;
        }

        int key = 0;
        foreach (char c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            key = (key * 10) + (c - '0');
        }

        identifier = ByNumericKey[key];
        return identifier is not null;
    }

    /// <summary>Gets the identifier whose code is <paramref name="code"/>.</summary>
    /// <param name="code">Two to four digits, such as <c>01</c>.</param>
    /// <exception cref="KeyNotFoundException"><paramref name="code"/> is not a GS1 application identifier.</exception>
    public static ApplicationIdentifier Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out var identifier)
            ? identifier
            : throw new KeyNotFoundException($"'{code}' is not a GS1 application identifier.");
    }

    internal static int ToNumericKey(string code)
    {
        int key = 0;
        foreach (char c in code)
        {
            key = (key * 10) + (c - '0');
        }

        return key;
    }
}
