using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Checking;

/// <summary>One active recall that concerns a checked pack.</summary>
/// <param name="RecallId">The hub's recall id.</param>
/// <param name="Title">The recall's title.</param>
/// <param name="AlertNumber">The authority's alert number, when there is one.</param>
/// <param name="Outcome"><see cref="MatchOutcome.Concerned"/>, or <see cref="MatchOutcome.CannotTell"/> when the scan lacks the lot, serial or date the recall is about.</param>
/// <param name="Actions">What the recall says to do.</param>
public sealed record RecallConcern(long RecallId, string Title, string? AlertNumber, MatchOutcome Outcome, IReadOnlyList<string> Actions)
{
    /// <summary>
    /// The decision that lifted this recall's block on this very pack, or <see langword="null"/>: a lifted concern no
    /// longer blocks the pack, and the counter is told who decided and why.
    /// </summary>
    public BlockLift? Lift { get; init; }

    /// <summary>The lifted block's id, when <see cref="Lift"/> is set.</summary>
    public long? LiftedBlockId { get; init; }
}
