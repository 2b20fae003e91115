using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Blocking;

/// <summary>Which notices take packs off the shelves.</summary>
public static class StockAction
{
    /// <summary>
    /// Whether a notice of this kind blocks the packs it names: every kind except <see cref="NoticeKind.Information"/>,
    /// which has no product to take back. A device field safety notice blocks too: until someone has read what it asks,
    /// the device should not leave.
    /// </summary>
    /// <param name="kind">The notice's kind.</param>
    public static bool Blocks(NoticeKind kind) => kind != NoticeKind.Information;
}
