using Mediator;
using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>
/// A named person records what was done about a recall. Audited (<c>recall.action</c>) in the same transaction; counts
/// as reading it when nobody had acknowledged it.
/// </summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Kind">What was done.</param>
/// <param name="Quantity">How many packs; required when <see cref="FollowUpActions.CountsPacks"/>.</param>
/// <param name="By">Who did it.</param>
/// <param name="Note">Anything to keep, or <see langword="null"/>.</param>
public sealed record RecordRecallAction(long RecallId, FollowUpActionKind Kind, int? Quantity, string By, string? Note = null) : IRequest<RecallFollowUp>
{
    /// <summary>The pharmacy it is done for; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }
}
