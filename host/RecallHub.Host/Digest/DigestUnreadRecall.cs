namespace RecallHub.Host.Digest;

/// <summary>A recall that concerns the pharmacy and that nobody has acknowledged yet ("non lu"): the escalation.</summary>
/// <param name="RecallId">The recall.</param>
/// <param name="Title">Its title.</param>
/// <param name="AlertNumber">The authority's alert number, if any.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="AgeDays">Whole days since then, at the digest's time.</param>
internal sealed record DigestUnreadRecall(long RecallId, string Title, string? AlertNumber, DateTimeOffset ReceivedAt, int AgeDays);
