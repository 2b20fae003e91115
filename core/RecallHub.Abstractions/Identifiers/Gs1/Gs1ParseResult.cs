namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>How a call to <see cref="Gs1ElementStringParser.Parse(ReadOnlySpan{char}, Span{Gs1ElementRange}, Span{Gs1Error}, Gs1ParserOptions)"/> went.</summary>
/// <param name="ElementCount">How many elements were written to the caller's buffer.</param>
/// <param name="ErrorCount">How many errors were found; only as many as the error buffer holds were written.</param>
public readonly record struct Gs1ParseResult(int ElementCount, int ErrorCount)
{
    /// <summary><see langword="true"/> when no error was found.</summary>
    public bool IsValid => ErrorCount == 0;
}
