using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Blocking;

/// <summary>A pack the pharmacy holds or held that a recall concerns, or may concern.</summary>
/// <param name="Holding">The pack, from its scans.</param>
/// <param name="Product">The recalled product that selects it.</param>
/// <param name="Outcome"><see cref="MatchOutcome.Concerned"/>, or <see cref="MatchOutcome.CannotTell"/> when its scans lack what the recall selects on.</param>
public sealed record ExposedPack(PackHolding Holding, RecalledProduct Product, MatchOutcome Outcome);
