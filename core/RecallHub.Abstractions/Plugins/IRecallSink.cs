namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// A sink plugin: takes hub events out — to the pharmacy software (stock blocking), by e-mail, to a traceability
/// register.
/// </summary>
/// <remarks>
/// <para>Lifecycle: created with its public parameterless constructor, <see cref="StartAsync"/> once, then
/// <see cref="DeliverAsync"/> with batches — never two at once for one sink — and finally
/// <see cref="IAsyncDisposable.DisposeAsync"/>.</para>
/// <para>Delivery: a batch is delivered when <see cref="DeliverAsync"/> returns. If it throws, the whole batch is
/// kept and retried later with backoff, so the sink must be idempotent by <see cref="HubEvent.Id"/>; events are never
/// dropped, and a sink that keeps failing is reported but never holds up the other sinks.</para>
/// </remarks>
public interface IRecallSink : IAsyncDisposable
{
    /// <summary>Reads the settings and prepares the plugin.</summary>
    /// <param name="context">The plugin's context, valid until disposal.</param>
    /// <param name="cancellationToken">The host is shutting down.</param>
    ValueTask StartAsync(IPluginContext context, CancellationToken cancellationToken);

    /// <summary>Delivers a batch of events, in order.</summary>
    /// <param name="events">One or more events, ordered by <see cref="HubEvent.Sequence"/>.</param>
    /// <param name="cancellationToken">The host is shutting down; the batch will be retried.</param>
    ValueTask DeliverAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken);
}
