using Mediator;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Blocking;

/// <summary>
/// Lifts a block: a named person decides, for a stated reason, that the pack may leave or has been dealt with. Audited,
/// and announced to every sink so that the pharmacy software releases the pack.
/// </summary>
/// <param name="BlockId">The block.</param>
/// <param name="By">Who decides: a named person (not a workstation or a role).</param>
/// <param name="Reason">Why; mandatory.</param>
public sealed record LiftBlock(long BlockId, string By, string Reason) : IRequest<StockBlock>
{
    /// <summary>The pharmacy it is done for; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }
}
