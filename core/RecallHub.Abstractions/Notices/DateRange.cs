namespace RecallHub.Abstractions.Notices;

/// <summary>An inclusive range of dates; an open end is <see langword="null"/>.</summary>
/// <param name="From">The first date, or <see langword="null"/> for "up to".</param>
/// <param name="To">The last date, or <see langword="null"/> for "from … on".</param>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    /// <summary><see langword="true"/> when <paramref name="date"/> lies in the range.</summary>
    /// <param name="date">The date to test.</param>
    public bool Contains(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
}
