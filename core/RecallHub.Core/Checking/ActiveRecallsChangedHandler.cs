using Mediator;

namespace RecallHub.Core.Checking;

/// <summary>Refreshes the counter's checker as soon as a change is committed, rather than at the next periodic refresh.</summary>
/// <param name="cache">The checker's cache.</param>
public sealed class ActiveRecallsChangedHandler(ActiveRecallsCache cache) : INotificationHandler<ActiveRecallsChanged>
{
    /// <inheritdoc />
    public async ValueTask Handle(ActiveRecallsChanged notification, CancellationToken cancellationToken) =>
        await cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
}
