using RecallHub.Host.Web.Api.Recalls;

namespace RecallHub.Host.Web.Api.Notices;

/// <summary>What became of one pushed notice.</summary>
/// <param name="Index">Its place in the body, from 0.</param>
/// <param name="Source">The notice's source.</param>
/// <param name="SourceId">Its id at the source.</param>
/// <param name="Version">Its version.</param>
/// <param name="Outcome"><c>new_recall</c>, <c>new_revision</c>, <c>linked</c> (to a recall of another source), <c>unchanged</c> or <c>outdated</c> (a newer version is stored).</param>
/// <param name="RecallId">The recall it belongs to.</param>
/// <param name="RevisionId">The revision written, or the current one when nothing was written.</param>
/// <param name="Changes">For a revision, what changed; for a link, what the notice adds to or lacks from the recall.</param>
/// <param name="BlocksPlaced">How many packs in stock it newly blocked.</param>
/// <param name="DispensedPacks">How many dispensed packs it newly reported (recalls that reach patients).</param>
/// <param name="UnmatchableProducts">Products scans cannot be matched on (CIP7, references): check the stock by hand.</param>
internal sealed record NoticeResult(
    int Index,
    string Source,
    string SourceId,
    int Version,
    string Outcome,
    long RecallId,
    long RevisionId,
    RecallChangesView? Changes,
    int BlocksPlaced,
    int DispensedPacks,
    IReadOnlyList<RecallProductView> UnmatchableProducts);
