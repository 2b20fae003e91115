using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>A product code found in a text, with where it was written.</summary>
/// <param name="Scheme">What kind of code it is.</param>
/// <param name="Code">The code, separators removed.</param>
/// <param name="Start">Where its first digit is in the text.</param>
/// <param name="End">Just after its last digit.</param>
internal sealed record FoundCode(CodeScheme Scheme, string Code, int Start, int End);
