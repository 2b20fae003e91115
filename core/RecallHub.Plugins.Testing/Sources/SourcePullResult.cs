using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>What one pull of a source gave, across its fetches (pages).</summary>
/// <param name="From">The checkpoint the pull started from.</param>
/// <param name="Pages">Each fetch's result, in order.</param>
/// <param name="Checkpoint">The checkpoint the hub would store after the pull: the last one a page gave, else <paramref name="From"/>.</param>
public sealed record SourcePullResult(string? From, IReadOnlyList<SourceFetchResult> Pages, string? Checkpoint)
{
    /// <summary>Every page's notices, in order.</summary>
    public IReadOnlyList<RecallNotice> Notices => [.. Pages.SelectMany(p => p.Notices)];
}
