using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage;

/// <summary>A recall as stored: its latest headline, its current products and every revision.</summary>
/// <param name="Id">The recall's id.</param>
/// <param name="AlertNumber">The authority's alert number, normalised (upper case, no spaces).</param>
/// <param name="Kind">What it asks (latest revision).</param>
/// <param name="Title">Its title (latest revision).</param>
/// <param name="RecallLevels">How deep it goes (latest revision).</param>
/// <param name="PublishedAt">When the latest revision was published.</param>
/// <param name="Status">Whether it is in force.</param>
/// <param name="CreatedAt">When the hub first received it.</param>
/// <param name="UpdatedAt">When the hub last changed it.</param>
/// <param name="Products">The products of the current revision of every linked notice.</param>
/// <param name="Revisions">Every revision, oldest first.</param>
public sealed record StoredRecall(
    long Id,
    string? AlertNumber,
    NoticeKind Kind,
    string Title,
    RecallLevels RecallLevels,
    DateTimeOffset PublishedAt,
    RecallStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<RecalledProduct> Products,
    IReadOnlyList<RecallRevision> Revisions);
