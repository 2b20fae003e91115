namespace RecallHub.Host.Digest;

/// <summary>An alert of the national verification system (NMVS) received during the period.</summary>
/// <param name="RecallId">The recall the hub stored it as.</param>
/// <param name="Title">Its title.</param>
/// <param name="AlertNumber">The alert's code or identifier, kept for the record.</param>
/// <param name="Explanation">What happened, in plain French, as the source wrote it.</param>
/// <param name="Actions">What to do.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
internal sealed record DigestVerificationAlert(long RecallId, string Title, string? AlertNumber, string? Explanation, IReadOnlyList<string> Actions, DateTimeOffset ReceivedAt);
