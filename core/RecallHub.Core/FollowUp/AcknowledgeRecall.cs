using Mediator;
using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>A named person read a recall. Audited (<c>recall.read</c>) in the same transaction.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="By">Who read it.</param>
/// <param name="Note">Anything to keep, or <see langword="null"/>.</param>
public sealed record AcknowledgeRecall(long RecallId, string By, string? Note = null) : IRequest<RecallFollowUp>
{
    /// <summary>The pharmacy it is done for; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }
}
