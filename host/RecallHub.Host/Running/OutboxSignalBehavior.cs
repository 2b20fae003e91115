using Mediator;

namespace RecallHub.Host.Running;

/// <summary>
/// Pulses the <see cref="OutboxSignal"/> after every engine request that committed: ingesting notices, recording scans
/// and lifting blocks are the only writers of the outbox, and each commits before its handler returns.
/// </summary>
internal sealed class OutboxSignalBehavior<TMessage, TResponse>(OutboxSignal signal) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next(message, cancellationToken).ConfigureAwait(false);
        signal.Pulse();
        return response;
    }
}
