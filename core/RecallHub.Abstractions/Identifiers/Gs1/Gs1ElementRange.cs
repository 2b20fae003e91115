namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// One element string found by <see cref="Gs1ElementStringParser"/>, as positions in the caller's input so that
/// nothing is copied.
/// </summary>
/// <param name="Identifier">The application identifier.</param>
/// <param name="Position">Where the application identifier starts in the input.</param>
/// <param name="ValueStart">Where its data starts in the input.</param>
/// <param name="ValueLength">How many characters of data it has.</param>
public readonly record struct Gs1ElementRange(ApplicationIdentifier Identifier, int Position, int ValueStart, int ValueLength)
{
    /// <summary>The element's data within <paramref name="input"/>, which must be the span that was parsed.</summary>
    /// <param name="input">The parsed input.</param>
    public ReadOnlySpan<char> ValueOf(ReadOnlySpan<char> input) => input.Slice(ValueStart, ValueLength);
}
