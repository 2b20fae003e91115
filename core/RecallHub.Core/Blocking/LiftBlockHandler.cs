using Mediator;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Checking;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Blocking;

/// <summary>Handles <see cref="LiftBlock"/>.</summary>
/// <param name="store">The hub's store.</param>
/// <param name="outbox">Where events go.</param>
/// <param name="time">The hub's clock.</param>
/// <param name="publisher">Tells the counter's checker that a lift happened.</param>
public sealed class LiftBlockHandler(IRecallHubStore store, HubEventOutbox outbox, TimeProvider time, IPublisher publisher)
    : IRequestHandler<LiftBlock, StockBlock>
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">The name or the reason is missing or too long.</exception>
    /// <exception cref="BlockNotFoundException">There is no such block.</exception>
    /// <exception cref="BlockAlreadyLiftedException">The block was already lifted.</exception>
    public async ValueTask<StockBlock> Handle(LiftBlock request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string by = FreeText.Required(request.By, "by", "the name of the person who decides");
        string reason = FreeText.Required(request.Reason, "reason", "why the block is lifted");

        StockBlock lifted;
        await using (var session = await store.OpenSessionAsync(request.Scope, cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var lift = new BlockLift(by, reason, time.GetUtcNow());
            lifted = await session.Blocks.LiftAsync(request.BlockId, lift, cancellationToken).ConfigureAwait(false);
            await session.Audit.AppendAsync(new AuditEntry(lift.At, by, "block.lifted", $"block:{lifted.Id}", reason), cancellationToken).ConfigureAwait(false);
            var released = outbox.Create(HubEventType.StockUnblocked) with
            {
                RecallId = lifted.RecallId,
                Pack = BlockedPackView.Of(lifted),
                Message = $"Blocage levé par {by} : {reason}",
                Decision = $"{by} — {reason}",
            };
            await outbox.EnqueueAsync(session, released, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await publisher.Publish(new ActiveRecallsChanged(), CancellationToken.None).ConfigureAwait(false);
        return lifted;
    }
}
