namespace RecallHub.Sources.Ansm.Listing;

/// <summary>
/// New cards found by a walk but not returned yet, kept between the batches of one pull: valid only while the hub
/// comes back with the checkpoint the previous batch returned.
/// </summary>
/// <param name="From">The checkpoint the next batch starts from.</param>
/// <param name="Cards">The cards still to read, oldest first.</param>
/// <param name="Final">The checkpoint once every card is read: the newest card of the listing.</param>
internal sealed record PendingCards(string? From, IReadOnlyList<ListingCard> Cards, string? Final);
