using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Plugins;

/// <summary>What one pull of a source brought.</summary>
/// <param name="Notices">The new or changed notices, oldest first.</param>
/// <param name="Checkpoint">
/// Where the next pull should start. The hub stores it only after <paramref name="Notices"/> are committed, so a
/// crash between the two repeats a pull rather than losing notices.
/// </param>
/// <param name="HasMore">
/// <see langword="true"/> when the source holds more than one pull returned: the hub pulls again at once.
/// </param>
public sealed record SourceFetchResult(IReadOnlyList<RecallNotice> Notices, string? Checkpoint, bool HasMore = false);
