namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>How GS1 element strings are read.</summary>
public sealed class Gs1ParserOptions
{
    /// <summary>The defaults: GS (ASCII 29) as the only separator, the system clock, association rules checked.</summary>
    public static Gs1ParserOptions Default { get; } = new();

    /// <summary>
    /// A string the scanner sends instead of the GS character for FNC1 (for example <c>&lt;GS&gt;</c>, <c>~</c> or
    /// <c>@</c>), or <see langword="null"/> (the default) when it sends GS itself. GS is always accepted too.
    /// </summary>
    public string? GroupSeparatorSubstitute { get; init; }

    /// <summary>The clock that decides the century of two-digit years. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether the key association rules (e.g. a serial needs a GTIN) and invalid pairings are checked. Default:
    /// <see langword="true"/>. Turn it off for a second symbol of the same item read on its own.
    /// </summary>
    public bool CheckAssociations { get; init; } = true;

    /// <summary>The most readings the lenient mode reports before it stops looking. Default: 16.</summary>
    public int MaxLenientReadings { get; init; } = 16;

    private YearSnapshot? _systemYear;

    /// <summary>
    /// Today's year for the century rule. The system clock is read once and trusted until the next new year by the
    /// monotonic tick count, because a clock read costs more than a whole field's validation on the hot path; any
    /// other <see cref="TimeProvider"/> (a fake clock in tests) is asked every time.
    /// </summary>
    internal int CurrentYear()
    {
        if (!ReferenceEquals(TimeProvider, TimeProvider.System))
        {
            return TimeProvider.GetUtcNow().Year;
        }

        var snapshot = _systemYear;
        if (snapshot is null || Environment.TickCount64 >= snapshot.ValidUntilTick)
        {
            var now = TimeProvider.GetUtcNow();
            var newYear = new DateTimeOffset(now.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
            snapshot = new YearSnapshot(now.Year, Environment.TickCount64 + (long)(newYear - now).TotalMilliseconds);
            _systemYear = snapshot;
        }

        return snapshot.Year;
    }

    private sealed record YearSnapshot(int Year, long ValidUntilTick);
}
