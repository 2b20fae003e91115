using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Identifiers;

/// <summary>How <see cref="BarcodeReader"/> reads scanned codes.</summary>
public sealed class BarcodeReaderOptions
{
    /// <summary>Strict reading, GS as separator, the system clock.</summary>
    public static BarcodeReaderOptions Default { get; } = new();

    /// <summary>
    /// Whether GS1 data without separators is read leniently: every valid split is tried and an ambiguous result is
    /// reported as such. Default: <see langword="false"/>.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>What the scanner sends instead of GS, if anything. Default: <see langword="null"/>.</summary>
    public string? GroupSeparatorSubstitute { get; init; }

    /// <summary>The clock that decides the century of two-digit years. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal Gs1ParserOptions ToGs1Options() => new()
    {
        GroupSeparatorSubstitute = GroupSeparatorSubstitute,
        TimeProvider = TimeProvider,
    };
}
