namespace RecallHub.Host.Web.Api.Notices;

/// <summary>The answer of <c>POST /api/v1/notices</c>, sent once the notices are committed.</summary>
/// <param name="BlocksPlaced">How many packs in stock were newly blocked, all notices together.</param>
/// <param name="DispensedPacks">How many dispensed packs were newly reported.</param>
/// <param name="Notices">One result per notice, in the order given.</param>
internal sealed record NoticeBatchResponse(int BlocksPlaced, int DispensedPacks, IReadOnlyList<NoticeResult> Notices);
