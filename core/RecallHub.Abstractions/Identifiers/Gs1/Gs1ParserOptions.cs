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
}
