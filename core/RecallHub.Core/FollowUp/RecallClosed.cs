using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>What closing a recall did.</summary>
/// <param name="FollowUp">The follow-up as it is now.</param>
/// <param name="LiftedBlocks">The blocks lifted by the closing.</param>
public sealed record RecallClosed(RecallFollowUp FollowUp, IReadOnlyList<StockBlock> LiftedBlocks);
