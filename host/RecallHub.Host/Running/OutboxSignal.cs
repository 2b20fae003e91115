namespace RecallHub.Host.Running;

/// <summary>
/// Wakes the sink delivery as soon as the engine committed something, so that an LGO learns of a block in
/// milliseconds rather than at the next poll; the poll remains for events written by other processes.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Says that events may be waiting. Several pulses before the next wait count as one.</summary>
    public void Pulse()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the delivery will look once, which covers both commits.
        }
    }

    /// <summary>Waits for a pulse or for <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _pending.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval ran out: look anyway.
        }
    }
}
