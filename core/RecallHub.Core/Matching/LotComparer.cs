namespace RecallHub.Core.Matching;

/// <summary>
/// Compares lots (and serials) as printed on packs and in notices: white space is ignored and case does not matter
/// (<c>"a53 014"</c> equals <c>"A53014"</c>); leading zeros and every other character count (<c>"053014"</c> is
/// another lot). Implements the span alternate so that frozen collections keyed by lot are searched with the pack's
/// text as scanned, without normalising it into a new string.
/// </summary>
public sealed class LotComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    private LotComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static LotComparer Instance { get; } = new();

    /// <inheritdoc/>
    public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : MatchText.AreEqual(x, y);

    /// <inheritdoc/>
    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return MatchText.Hash(obj);
    }

    /// <inheritdoc/>
    public bool Equals(ReadOnlySpan<char> alternate, string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MatchText.AreEqual(alternate, other);
    }

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlySpan<char> alternate) => MatchText.Hash(alternate);

    /// <inheritdoc/>
    public string Create(ReadOnlySpan<char> alternate) => new(alternate);
}
