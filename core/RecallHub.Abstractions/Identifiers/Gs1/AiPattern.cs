namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// An identifier or a family of identifiers in an association rule (<c>01</c>, <c>310n</c>, <c>31nn</c>), compiled
/// to a numeric range so that checking a symbol's associations compares integers, not strings.
/// </summary>
internal readonly record struct AiPattern(int Low, int High, int Length)
{
    /// <summary>Compiles a pattern whose <c>n</c> wildcards, if any, are trailing digits.</summary>
    /// <exception cref="FormatException">A wildcard before a fixed digit, which a range cannot express.</exception>
    public static AiPattern Parse(string pattern)
    {
        int wildcards = pattern.Length - pattern.TrimEnd('n').Length;
        if (pattern.AsSpan(0, pattern.Length - wildcards).Contains('n'))
        {
            throw new FormatException($"AI pattern '{pattern}' has a wildcard before a fixed digit.");
        }

        int low = ApplicationIdentifiers.ToNumericKey(pattern.Replace('n', '0'));
        int high = ApplicationIdentifiers.ToNumericKey(pattern.Replace('n', '9'));
        return new AiPattern(low, high, pattern.Length);
    }

    public bool Matches(ApplicationIdentifier identifier) =>
        identifier.Code.Length == Length && identifier.NumericKey >= Low && identifier.NumericKey <= High;
}
