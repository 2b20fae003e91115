using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>A recall in a list.</summary>
/// <param name="Id">The recall's id.</param>
/// <param name="AlertNumber">The authority's alert number, normalised.</param>
/// <param name="Kind">What it asks.</param>
/// <param name="Title">Its title.</param>
/// <param name="RecallLevels">How deep it goes.</param>
/// <param name="PublishedAt">When its latest revision was published.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="Sources">The sources that published it, in the order they were linked.</param>
/// <param name="RevisionCount">How many revisions it has.</param>
/// <param name="UpdatedAt">When the hub last changed it.</param>
public sealed record RecallSummary(
    long Id,
    string? AlertNumber,
    NoticeKind Kind,
    string Title,
    RecallLevels RecallLevels,
    DateTimeOffset PublishedAt,
    RecallStatus Status,
    IReadOnlyList<string> Sources,
    int RevisionCount,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When the hub first received it (follow-up deadlines count from there).</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
