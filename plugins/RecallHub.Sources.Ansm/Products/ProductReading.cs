using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Products;

/// <summary>What <see cref="ProductListReader"/> read from a notice's body.</summary>
/// <param name="Products">The products with a code, in the order they are first written.</param>
/// <param name="UnassignedLots">Lots found where no product code could own them (a notice without codes).</param>
internal sealed record ProductReading(IReadOnlyList<ProductDraft> Products, IReadOnlyList<LotEntry> UnassignedLots);
