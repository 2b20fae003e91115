using System.Globalization;
using Mediator;
using RecallHub.Core.Blocking;
using RecallHub.Core.Storage;

namespace RecallHub.Core.FollowUp;

/// <summary>Handles the follow-up steps: each writes its row and its audit entry in one transaction.</summary>
/// <param name="store">The hub's store.</param>
/// <param name="time">The hub's clock.</param>
/// <param name="sender">Sends <see cref="LiftBlock"/> when a recall is closed.</param>
public sealed class FollowUpHandlers(IRecallHubStore store, TimeProvider time, ISender sender)
    : IRequestHandler<AcknowledgeRecall, RecallFollowUp>,
      IRequestHandler<RecordRecallAction, RecallFollowUp>,
      IRequestHandler<CloseRecall, RecallClosed>
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">The name is missing, or the recall does not exist.</exception>
    /// <exception cref="FollowUpStepException">The recall's follow-up is closed.</exception>
    public async ValueTask<RecallFollowUp> Handle(AcknowledgeRecall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await InTransactionAsync(request.Scope, request.RecallId, async (session, followUp, now) =>
        {
            var acknowledgement = new RecallAcknowledgement(request.RecallId, request.By, now, request.Note);
            await session.FollowUp.AcknowledgeAsync(acknowledgement, cancellationToken).ConfigureAwait(false);
            await session.Audit.AppendAsync(new AuditEntry(now, request.By.Trim(), "recall.read", Subject(request.RecallId), Blank(request.Note)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The name is missing, the quantity is missing or negative, or the recall does not exist.</exception>
    /// <exception cref="FollowUpStepException">The recall's follow-up is closed.</exception>
    public async ValueTask<RecallFollowUp> Handle(RecordRecallAction request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FollowUpActions.CountsPacks(request.Kind) && request.Quantity is null)
        {
            throw new ArgumentException($"'quantity' is required: how many packs were {FollowUpActions.Code(request.Kind)}.", nameof(request));
        }

        return await InTransactionAsync(request.Scope, request.RecallId, async (session, followUp, now) =>
        {
            // Acting on a recall means having read it: the first step is recorded too when nobody had.
            if (!followUp.IsAcknowledged)
            {
                await session.FollowUp.AcknowledgeAsync(new RecallAcknowledgement(request.RecallId, request.By, now), cancellationToken).ConfigureAwait(false);
                await session.Audit.AppendAsync(new AuditEntry(now, request.By.Trim(), "recall.read", Subject(request.RecallId), null), cancellationToken).ConfigureAwait(false);
            }

            string code = FollowUpActions.Code(request.Kind);
            await session.FollowUp.RecordActionAsync(new RecallAction(request.RecallId, code, request.Quantity, request.By, now, request.Note), cancellationToken).ConfigureAwait(false);
            string quantity = request.Quantity is { } q ? $"quantity={q.ToString(CultureInfo.InvariantCulture)}" : "";
            string details = string.Join("; ", new[] { code, quantity, Blank(request.Note) }.Where(p => !string.IsNullOrEmpty(p)));
            await session.Audit.AppendAsync(new AuditEntry(now, request.By.Trim(), "recall.action", Subject(request.RecallId), details), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The name is missing, or the recall does not exist.</exception>
    /// <exception cref="FollowUpStepException">No action is recorded yet, or the follow-up is already closed.</exception>
    public async ValueTask<RecallClosed> Handle(CloseRecall request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.By, nameof(request));
        await using (var session = await store.OpenSessionAsync(request.Scope, cancellationToken).ConfigureAwait(false))
        {
            RequireStage(await session.FollowUp.GetAsync(request.RecallId, cancellationToken).ConfigureAwait(false), closing: true);
        }

        // Each lift is the engine's own request: audited, announced as stock_unblocked, the counter's checker refreshed.
        // Lifts first, closure last: a failure halfway leaves the recall open, and closing again lifts the rest.
        var lifted = new List<StockBlock>();
        string reason = $"Rappel n° {request.RecallId.ToString(CultureInfo.InvariantCulture)} clôturé" + (Blank(request.Note) is { } note ? $" : {note}" : "");
        foreach (long blockId in await ActiveBlockIdsAsync(request.Scope, request.RecallId, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                lifted.Add(await sender.Send(new LiftBlock(blockId, request.By, reason) { Scope = request.Scope }, cancellationToken).ConfigureAwait(false));
            }
            catch (BlockAlreadyLiftedException)
            {
                // Someone lifted it meanwhile; their decision stands.
            }
        }

        var followUp = await InTransactionAsync(request.Scope, request.RecallId, async (session, followUp, now) =>
        {
            RequireStage(followUp, closing: true);
            await session.FollowUp.CloseAsync(new RecallClosure(request.RecallId, request.By, now, request.Note), cancellationToken).ConfigureAwait(false);
            string details = $"blocks lifted={lifted.Count.ToString(CultureInfo.InvariantCulture)}" + (Blank(request.Note) is { } n ? $"; {n}" : "");
            await session.Audit.AppendAsync(new AuditEntry(now, request.By.Trim(), "recall.closed", Subject(request.RecallId), details), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return new RecallClosed(followUp, lifted);
    }

    private static string Subject(long recallId) => $"recall:{recallId.ToString(CultureInfo.InvariantCulture)}";

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static void RequireStage(RecallFollowUp followUp, bool closing)
    {
        if (followUp.Closure is { } closure)
        {
            throw new FollowUpStepException($"Recall {followUp.RecallId} was closed by {closure.By} at {closure.At:u}: nothing more can be recorded.");
        }

        if (closing && followUp.Actions.Count == 0)
        {
            throw new FollowUpStepException($"Recall {followUp.RecallId} has no action recorded: record what was done (even 'not concerned') before closing it.");
        }
    }

    private async Task<IReadOnlyList<long>> ActiveBlockIdsAsync(PharmacyScope scope, long recallId, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using var session = await store.OpenSessionAsync(scope, cancellationToken).ConfigureAwait(false);
        var filter = new BlockFilter { RecallId = recallId, Active = true };
        for (int offset = 0; ; offset += Paging.MaxLimit)
        {
            var page = await session.Blocks.ListAsync(filter, new Paging(offset, Paging.MaxLimit), cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Items.Select(b => b.Id));
            if (page.Items.Count < Paging.MaxLimit)
            {
                return ids;
            }
        }
    }

    // Reads the follow-up, refuses a closed one, runs the step and its audit in one transaction, returns the new state.
    private async Task<RecallFollowUp> InTransactionAsync(
        PharmacyScope scope, long recallId, Func<IStoreSession, RecallFollowUp, DateTimeOffset, Task> step, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenSessionAsync(scope, cancellationToken).ConfigureAwait(false);
        await using (var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await session.Recalls.GetAsync(recallId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new ArgumentException($"There is no recall {recallId}.", nameof(recallId));
            }

            var followUp = await session.FollowUp.GetAsync(recallId, cancellationToken).ConfigureAwait(false);
            RequireStage(followUp, closing: false);
            await step(session, followUp, time.GetUtcNow()).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await session.FollowUp.GetAsync(recallId, cancellationToken).ConfigureAwait(false);
    }
}
