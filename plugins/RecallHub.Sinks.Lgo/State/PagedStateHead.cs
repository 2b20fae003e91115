namespace RecallHub.Sinks.Lgo.State;

/// <summary>The head of a <see cref="PagedStateList{T}"/>: which generation of pages is current, and how many.</summary>
/// <param name="Generation">The current generation.</param>
/// <param name="Pages">Its number of pages.</param>
/// <param name="RecentEventIds">The ids of the last events the list reflects.</param>
internal sealed record PagedStateHead(long Generation, int Pages, IReadOnlyList<string> RecentEventIds);
