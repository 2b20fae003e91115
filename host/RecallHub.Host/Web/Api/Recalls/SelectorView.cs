using RecallHub.Abstractions.Notices;

namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>Which units of a product are concerned, as in the notices' JSON; a unit is concerned when any criterion holds.</summary>
/// <param name="AllLots">Every unit of the product.</param>
/// <param name="Lots">The recalled lots, with their expiry when the notice gives it.</param>
/// <param name="Serials">The recalled serials or ranges.</param>
/// <param name="ExpiryRange">Units expiring in this range.</param>
/// <param name="ProductionRange">Units produced in this range.</param>
internal sealed record SelectorView(
    bool AllLots,
    IReadOnlyList<LotEntry> Lots,
    IReadOnlyList<SerialRange> Serials,
    DateRange? ExpiryRange,
    DateRange? ProductionRange);
