using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>
/// Runs a sink plugin as the hub does: started once, then handed events in order, in batches of at most
/// <see cref="BatchSize"/>, each numbered with the sink's next sequence number. A batch that throws stops the
/// delivery: the hub retries it later and hands over nothing behind it first.
/// </summary>
/// <remarks>
/// To play the hub's retry (delivery is at least once), hand <see cref="SinkDeliveryResult.FailedBatch"/> or an
/// already delivered batch over again: the events keep their ids and sequence numbers.
/// </remarks>
public sealed class SinkRun : IAsyncDisposable
{
    /// <summary>The hub's largest batch.</summary>
    public const int DefaultBatchSize = 100;

    private long _sequence;

    private SinkRun(IRecallSink sink, TestPluginContext context)
    {
        Sink = sink;
        Context = context;
    }

    /// <summary>The sink under test.</summary>
    public IRecallSink Sink { get; }

    /// <summary>Its context.</summary>
    public TestPluginContext Context { get; }

    /// <summary>The largest batch handed over (100, as in the hub).</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>How far the fake clock moves at each step while a batch is delivered (500 ms); null leaves it alone.</summary>
    public TimeSpan? ClockStep { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Starts <paramref name="sink"/> with <paramref name="context"/>.</summary>
    /// <param name="sink">The sink.</param>
    /// <param name="context">Its context, with its settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The run.</returns>
    public static async Task<SinkRun> StartAsync(IRecallSink sink, TestPluginContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(context);
        await sink.StartAsync(context, cancellationToken).ConfigureAwait(false);
        return new SinkRun(sink, context);
    }

    /// <summary>
    /// Hands <paramref name="events"/> over in batches; an event whose <see cref="HubEvent.Sequence"/> is 0 gets the
    /// sink's next number. Never throws what the sink throws: see <see cref="SinkDeliveryResult.Failure"/>.
    /// </summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>What the sink did.</returns>
    public async Task<SinkDeliveryResult> DeliverAsync(IEnumerable<HubEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (BatchSize < 1)
        {
            throw new InvalidOperationException("BatchSize must be 1 or more.");
        }

        var numbered = events.Select(e => e.Sequence == 0 ? e with { Sequence = Interlocked.Increment(ref _sequence) } : e).ToList();
        int logBefore = Context.Log.Entries.Count;
        var delivered = new List<IReadOnlyList<HubEvent>>();
        foreach (var batch in numbered.Chunk(BatchSize))
        {
            try
            {
                Task Deliver() => Sink.DeliverAsync(batch, cancellationToken).AsTask();
                if (ClockStep is { } step)
                {
                    await Context.RunWithClockAsync(async () => { await Deliver().ConfigureAwait(false); return true; }, step).ConfigureAwait(false);
                }
                else
                {
                    await Deliver().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new SinkDeliveryResult(delivered, batch, e, [.. Context.Log.Entries.Skip(logBefore)]);
            }

            delivered.Add(batch);
        }

        return new SinkDeliveryResult(delivered, null, null, [.. Context.Log.Entries.Skip(logBefore)]);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Sink.DisposeAsync();
}
