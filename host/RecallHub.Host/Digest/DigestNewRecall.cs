using RecallHub.Abstractions.Notices;

namespace RecallHub.Host.Digest;

/// <summary>A recall received during the period that concerns nothing the pharmacy holds or handed over: for information.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Title">Its title.</param>
/// <param name="AlertNumber">The authority's alert number, if any.</param>
/// <param name="Kind">What it asks.</param>
/// <param name="Sources">The sources that published it.</param>
/// <param name="PublishedAt">When it was published.</param>
internal sealed record DigestNewRecall(long RecallId, string Title, string? AlertNumber, NoticeKind Kind, IReadOnlyList<string> Sources, DateTimeOffset PublishedAt);
