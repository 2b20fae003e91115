namespace RecallHub.Core.Storage;

/// <summary>The result of storing a notice.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="RecallId">The recall the notice belongs to.</param>
/// <param name="RevisionId">The revision written, or the current one when nothing was written.</param>
/// <param name="Changes">
/// For <see cref="RecallUpsertOutcome.NewRevision"/>, what changed from the previous revision of the same notice; for
/// <see cref="RecallUpsertOutcome.Linked"/>, what the notice adds to or lacks from the recall's products; otherwise
/// <see langword="null"/>.
/// </param>
public sealed record RecallUpsertResult(RecallUpsertOutcome Outcome, long RecallId, long RevisionId, RecallChangeSummary? Changes);
