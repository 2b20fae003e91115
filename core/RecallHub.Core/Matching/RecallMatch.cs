namespace RecallHub.Core.Matching;

/// <summary>One recalled product that concerns a pack, or may concern it.</summary>
/// <param name="RecallId">The recall's id.</param>
/// <param name="ProductIndex">The product's index in the recall's product list.</param>
/// <param name="Outcome"><see cref="MatchOutcome.Concerned"/> or <see cref="MatchOutcome.CannotTell"/>.</param>
public readonly record struct RecallMatch(long RecallId, int ProductIndex, MatchOutcome Outcome);
