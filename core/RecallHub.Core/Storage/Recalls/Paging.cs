namespace RecallHub.Core.Storage;

/// <summary>A page of a list.</summary>
/// <param name="Offset">How many items to skip; 0 or more.</param>
/// <param name="Limit">How many items at most; 1 to <see cref="MaxLimit"/>.</param>
public sealed record Paging(int Offset = 0, int Limit = 50)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The first page of 50.</summary>
    public static Paging First { get; } = new();

    /// <summary>Throws when the page is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative or the limit is out of 1..<see cref="MaxLimit"/>.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
    }
}
