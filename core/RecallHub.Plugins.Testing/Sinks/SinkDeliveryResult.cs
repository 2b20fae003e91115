using RecallHub.Abstractions.Plugins;

namespace RecallHub.Plugins.Testing;

/// <summary>What a sink did with the events handed to it.</summary>
/// <param name="Batches">The batches it accepted (DeliverAsync returned), in order.</param>
/// <param name="FailedBatch">The batch on which it threw, if it did; nothing after it was handed over, as in the hub.</param>
/// <param name="Failure">What it threw.</param>
/// <param name="Log">The lines it logged meanwhile.</param>
public sealed record SinkDeliveryResult(
    IReadOnlyList<IReadOnlyList<HubEvent>> Batches,
    IReadOnlyList<HubEvent>? FailedBatch,
    Exception? Failure,
    IReadOnlyList<PluginLogEntry> Log)
{
    /// <summary>Every event delivered, in order.</summary>
    public IReadOnlyList<HubEvent> Delivered => [.. Batches.SelectMany(b => b)];

    /// <summary>Throws what the sink threw, if it threw.</summary>
    /// <returns>This result.</returns>
    public SinkDeliveryResult ThrowIfFailed() =>
        Failure is null ? this : throw new PluginAssertionException($"The sink failed a batch of {FailedBatch!.Count} event(s): {Failure.Message}", Failure);
}
