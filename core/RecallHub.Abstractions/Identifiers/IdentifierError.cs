namespace RecallHub.Abstractions.Identifiers;

/// <summary>One thing wrong with a scanned code.</summary>
/// <param name="Code">A stable, upper-case code such as <c>GS1_CHECK_DIGIT</c>; see <c>docs/identifiers.md</c>.</param>
/// <param name="Position">The zero-based character position in the input where the problem was found.</param>
/// <param name="Message">A plain English sentence saying what is wrong and where.</param>
public sealed record IdentifierError(string Code, int Position, string Message);
