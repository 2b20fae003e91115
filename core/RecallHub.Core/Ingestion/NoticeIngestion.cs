using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Ingestion;

/// <summary>What became of one notice.</summary>
/// <param name="Notice">The notice.</param>
/// <param name="Upsert">How it was stored.</param>
/// <param name="BlocksPlaced">How many packs in stock it newly blocked.</param>
/// <param name="DispensedPacks">How many dispensed packs it newly reported (recalls that reach patients).</param>
/// <param name="UnmatchableProducts">
/// Products that could not be matched against scans (a CIP7 or a supplier reference, with no GTIN): people must check
/// the stock for them.
/// </param>
public sealed record NoticeIngestion(
    RecallNotice Notice,
    RecallUpsertResult Upsert,
    int BlocksPlaced,
    int DispensedPacks,
    IReadOnlyList<RecalledProduct> UnmatchableProducts);
