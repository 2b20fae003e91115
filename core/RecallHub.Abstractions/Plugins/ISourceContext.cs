using RecallHub.Abstractions.Notices;

namespace RecallHub.Abstractions.Plugins;

/// <summary>A source plugin's context: the common one plus a way to push notices as they arrive.</summary>
public interface ISourceContext : IPluginContext
{
    /// <summary>
    /// Hands notices to the hub outside the pull schedule (a webhook, a message queue, a watched folder). Completes
    /// once the notices are committed: the plugin may then acknowledge them upstream.
    /// </summary>
    /// <param name="notices">The notices; each must pass <see cref="RecallNoticeJson.Validate"/>.</param>
    /// <param name="cancellationToken">Stops waiting; notices already committed stay committed.</param>
    /// <exception cref="RecallNoticeFormatException">A notice breaks the contract; none of the batch is stored.</exception>
    ValueTask PublishAsync(IReadOnlyList<RecallNotice> notices, CancellationToken cancellationToken = default);
}
