namespace RecallHub.Core.Storage;

/// <summary>A page of recalls.</summary>
/// <param name="Items">The recalls of the page.</param>
/// <param name="Total">How many recalls match the filter, all pages together.</param>
/// <param name="Paging">The page asked for.</param>
public sealed record RecallPage(IReadOnlyList<RecallSummary> Items, int Total, Paging Paging);
