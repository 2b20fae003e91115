using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>An active recall as the matcher needs it.</summary>
/// <param name="RecallId">The recall's id.</param>
/// <param name="Kind">What the recall asks (from its latest revision).</param>
/// <param name="RecallLevels">How deep it goes (from its latest revision).</param>
/// <param name="Products">The products of the current revision of every notice linked to the recall.</param>
public sealed record ActiveRecall(long RecallId, NoticeKind Kind, RecallLevels RecallLevels, IReadOnlyList<RecalledProduct> Products)
{
    /// <summary>Its title (latest revision).</summary>
    public string Title { get; init; } = "";

    /// <summary>Its alert number, normalised, when it has one.</summary>
    public string? AlertNumber { get; init; }

    /// <summary>What to do, from the current revision of every linked notice, without repeats, in order.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];
}
