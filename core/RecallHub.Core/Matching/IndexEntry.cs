namespace RecallHub.Core.Matching;

/// <summary>One indexed product: where it comes from and its prepared selector.</summary>
/// <param name="Source">The product as given to the index.</param>
/// <param name="Selector">Its selector, prepared.</param>
internal readonly record struct IndexEntry(IndexedProduct Source, CompiledSelector Selector);
