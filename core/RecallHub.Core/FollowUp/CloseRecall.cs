using Mediator;
using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>
/// A named person closes a recall's follow-up once an action is recorded: each block of the recall still holding is
/// lifted through <see cref="Blocking.LiftBlock"/> in the closer's name (audited, announced to the sinks), then the
/// closure is recorded and audited (<c>recall.closed</c>).
/// </summary>
/// <param name="RecallId">The recall.</param>
/// <param name="By">Who closes it.</param>
/// <param name="Note">Anything to keep, or <see langword="null"/>.</param>
public sealed record CloseRecall(long RecallId, string By, string? Note = null) : IRequest<RecallClosed>
{
    /// <summary>The pharmacy it is done for; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }
}
