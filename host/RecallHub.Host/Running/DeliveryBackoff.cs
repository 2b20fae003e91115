namespace RecallHub.Host.Running;

/// <summary>
/// How long a sink waits before the next attempt at a batch it failed: doubling from 5 seconds, at most 15 minutes, so
/// that a webhook down for a night is retried a few times an hour and one back up is served within minutes.
/// </summary>
internal static class DeliveryBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        double seconds = First.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
    }
}
