using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Plugins;

/// <summary>
/// A source plugin: brings recall and safety notices into the hub, by pulling on a schedule
/// (<see cref="FetchAsync"/>), by pushing as they come (<see cref="ISourceContext.PublishAsync"/>), or both.
/// </summary>
/// <remarks>
/// <para>Lifecycle: the host creates the plugin with its public parameterless constructor, calls
/// <see cref="StartAsync"/> once, then <see cref="FetchAsync"/> on the schedule in <c>plugins.json</c> — never two
/// calls at once for one plugin — and finally <see cref="IAsyncDisposable.DisposeAsync"/>.</para>
/// <para>Failures: an exception from any member marks the plugin failed with its message (shown by
/// <c>recallhub plugins</c> and <c>/health</c>); the host and the other plugins go on, and the next scheduled pull
/// tries again from the last committed checkpoint. Throw <see cref="PluginConfigurationException"/> for bad
/// settings so that the message points at the setting.</para>
/// <para>Idempotency: returning a notice again (same <see cref="RecallNotice.Source"/>,
/// <see cref="RecallNotice.SourceId"/> and <see cref="RecallNotice.Version"/>) is harmless: the hub stores it once.
/// Overlapping pulls are therefore safe and recommended when the source's dates are coarse.</para>
/// </remarks>
public interface IRecallSource : IAsyncDisposable
{
    /// <summary>Reads the settings and prepares the plugin; a push source starts listening here.</summary>
    /// <param name="context">The plugin's context, valid until disposal.</param>
    /// <param name="cancellationToken">The host is shutting down.</param>
    ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken);

    /// <summary>Pulls what is new since <paramref name="checkpoint"/>.</summary>
    /// <param name="checkpoint">What the previous committed pull returned, or <see langword="null"/> for the first pull.</param>
    /// <param name="cancellationToken">The host is shutting down or the pull timed out.</param>
    /// <returns>The notices and the next checkpoint; a push-only source returns no notice and the same checkpoint.</returns>
    ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Parses one saved payload into notices, without network access — what <c>recallhub source parse</c> runs and
    /// what tests exercise. <see cref="FetchAsync"/> should use the same parsing. It may be called on a plugin that
    /// was never started, so it must not need the context.
    /// </summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The notices it holds; a notice whose products could not be read has <see cref="RecallNotice.IsLowConfidence"/> set.</returns>
    /// <exception cref="FormatException">The payload is not of the expected structure; the message says where.</exception>
    IReadOnlyList<RecallNotice> Parse(SourcePayload payload);
}
