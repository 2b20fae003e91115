namespace RecallHub.Sources.Nmvs.Queue;

/// <summary>The queue's bookkeeping, kept under one state key.</summary>
/// <param name="Head">The oldest chunk number that may still hold packs.</param>
/// <param name="Tail">The next chunk number to write.</param>
/// <param name="Attempts">Failed attempts in a row; 0 once the system answers.</param>
/// <param name="NextAttemptAt">When to ask again after a failure; <see langword="null"/> when the system answers.</param>
/// <param name="LastError">Why the last attempt failed.</param>
internal sealed record QueueState(long Head, long Tail, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError)
{
    /// <summary>An empty queue.</summary>
    public static QueueState Empty { get; } = new(0, 0, 0, null, null);
}
