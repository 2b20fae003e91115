using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>A lot found in a text, with where it was written (to tell which product it follows).</summary>
/// <param name="Entry">The lot and its expiry.</param>
/// <param name="Start">Where the lot is in the text.</param>
internal sealed record FoundLot(LotEntry Entry, int Start);
