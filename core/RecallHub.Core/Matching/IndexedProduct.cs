using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Matching;

/// <summary>One product of an active recall, as given to <see cref="ActiveRecallIndex.Build"/>.</summary>
/// <param name="RecallId">The recall's id.</param>
/// <param name="ProductIndex">The product's index in the recall's product list (reported back in <see cref="RecallMatch"/>).</param>
/// <param name="Product">The product and the units concerned.</param>
public sealed record IndexedProduct(long RecallId, int ProductIndex, RecalledProduct Product);
