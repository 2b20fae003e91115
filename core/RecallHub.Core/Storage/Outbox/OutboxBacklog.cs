namespace RecallHub.Core.Storage;

/// <summary>What a sink has not received yet.</summary>
/// <param name="SinkId">The sink.</param>
/// <param name="Pending">How many messages wait.</param>
/// <param name="OldestPendingAt">When the oldest waiting message was enqueued, or <see langword="null"/>.</param>
/// <param name="HeadAttempts">How many times the oldest waiting message failed.</param>
/// <param name="HeadLastError">Its last error, or <see langword="null"/>.</param>
public sealed record OutboxBacklog(string SinkId, long Pending, DateTimeOffset? OldestPendingAt, int HeadAttempts, string? HeadLastError);
