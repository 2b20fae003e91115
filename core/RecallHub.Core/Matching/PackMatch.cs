namespace RecallHub.Core.Matching;

/// <summary>A stored pack that a recalled product concerns, or may concern.</summary>
/// <param name="PackIndex">The pack's index in the list given to <see cref="StoredPackMatcher.MatchingPacks"/>.</param>
/// <param name="Outcome"><see cref="MatchOutcome.Concerned"/> or <see cref="MatchOutcome.CannotTell"/>.</param>
public readonly record struct PackMatch(int PackIndex, MatchOutcome Outcome);
