namespace RecallHub.Abstractions.Notices;

/// <summary>A product a notice concerns, and which of its units.</summary>
/// <param name="CodeScheme">What kind of code <paramref name="Code"/> is.</param>
/// <param name="Code">The code as the source gives it (spaces removed).</param>
/// <param name="Label">The product's name and presentation, for people.</param>
/// <param name="Selector">Which units are concerned.</param>
public sealed record RecalledProduct(CodeScheme CodeScheme, string Code, string? Label, LotSelector Selector);
