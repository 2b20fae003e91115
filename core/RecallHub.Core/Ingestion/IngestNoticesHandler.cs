using Mediator;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Blocking;
using RecallHub.Core.Checking;
using RecallHub.Core.Events;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Ingestion;

/// <summary>Handles <see cref="IngestNotices"/>.</summary>
/// <param name="store">The hub's store.</param>
/// <param name="outbox">Where events go.</param>
/// <param name="time">The hub's clock.</param>
/// <param name="publisher">Tells the rest of the hub that the active recalls changed.</param>
public sealed class IngestNoticesHandler(IRecallHubStore store, HubEventOutbox outbox, TimeProvider time, IPublisher publisher)
    : IRequestHandler<IngestNotices, IngestReport>
{
    /// <inheritdoc />
    public async ValueTask<IngestReport> Handle(IngestNotices request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Notices);
        CheckAll(request.Notices);

        var results = new List<NoticeIngestion>(request.Notices.Count);
        // Recalls are shared and matched against every pharmacy's packs in the one transaction.
        await using (var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var notice in request.Notices)
            {
                results.Add(await IngestAsync(session, notice, cancellationToken).ConfigureAwait(false));
            }

            if (request.Checkpoint is { } checkpoint)
            {
                await checkpoint.ApplyAsync(session.Checkpoints, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (results.Any(r => r.Upsert.Outcome is RecallUpsertOutcome.Created or RecallUpsertOutcome.NewRevision or RecallUpsertOutcome.Linked))
        {
            await publisher.Publish(new ActiveRecallsChanged(), CancellationToken.None).ConfigureAwait(false);
        }

        return new IngestReport(results);
    }

    // A batch is all or nothing: refuse it whole, with every problem's place, before opening a transaction.
    private static void CheckAll(IReadOnlyList<RecallNotice> notices)
    {
        var problems = new List<NoticeProblem>();
        for (int i = 0; i < notices.Count; i++)
        {
            if (notices[i] is null)
            {
                problems.Add(new NoticeProblem($"$[{i}]", "The notice is missing (null)."));
                continue;
            }

            string prefix = notices.Count == 1 ? "$" : $"$[{i}]";
            problems.AddRange(RecallNoticeJson.Validate(notices[i]).Select(p => p with { Path = prefix + p.Path[1..] }));
        }

        if (problems.Count > 0)
        {
            throw new RecallNoticeFormatException(problems);
        }
    }

    private async Task<NoticeIngestion> IngestAsync(IStoreSession session, RecallNotice notice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var upsert = await session.Recalls.UpsertAsync(notice, now, cancellationToken).ConfigureAwait(false);
        if (upsert.Outcome is RecallUpsertOutcome.Unchanged or RecallUpsertOutcome.Outdated)
        {
            return new NoticeIngestion(notice, upsert, 0, 0, []);
        }

        var recall = await session.Recalls.GetAsync(upsert.RecallId, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException($"Recall {upsert.RecallId} vanished while its notice {notice.Source}/{notice.SourceId} was being stored.");
        var current = recall.Revisions.Where(r => r.IsCurrent).Select(r => r.ReadNotice()).LastOrDefault(n => n.Source == notice.Source && n.SourceId == notice.SourceId) ?? notice;

        var announcement = outbox.Create(upsert.Outcome == RecallUpsertOutcome.Created ? HubEventType.RecallReceived : HubEventType.RecallRevised) with
        {
            RecallId = recall.Id,
            Notice = current,
            Message = Announce(recall, upsert),
        };
        await outbox.EnqueueAsync(session, announcement, cancellationToken).ConfigureAwait(false);

        if (recall.Status != RecallStatus.Active || !StockAction.Blocks(recall.Kind))
        {
            return new NoticeIngestion(notice, upsert, 0, 0, []);
        }

        var headline = new RecallHeadline(recall.Title, recall.AlertNumber);
        var (exposed, unmatchable) = await RecallExposure.FindAsync(session.Scans, recall.Products, cancellationToken).ConfigureAwait(false);
        var toBlock = exposed.Where(p => p.Holding.InStock).ToList();
        var placements = await session.Blocks.PlaceAsync(
            [.. toBlock.Select(p => new NewStockBlock(recall.Id, p.Holding.ProductKey, p.Holding.Lot, p.Holding.Serial, BlockReasons.Describe(headline, p.Outcome, p.Holding.Lot, p.Holding.Serial))
            {
                Pharmacy = p.Holding.Pharmacy,
                Gtin = p.Holding.Gtin,
                Expiry = p.Holding.Expiry,
                ScanId = p.Holding.LastScanId,
                Workstation = p.Holding.Workstation,
                NeedsManualCheck = p.Outcome == MatchOutcome.CannotTell,
                Since = now,
            })],
            cancellationToken).ConfigureAwait(false);

        int placed = 0;
        foreach (var placement in placements.Where(p => p.Created))
        {
            placed++;
            var blocked = outbox.Create(HubEventType.StockBlocked) with
            {
                RecallId = recall.Id,
                Pack = BlockedPackView.Of(placement.Block),
                Message = placement.Block.Reason,
                Pharmacy = PharmacyOf(placement.Block.Pharmacy),
            };
            await outbox.EnqueueAsync(session, blocked, cancellationToken).ConfigureAwait(false);
        }

        int dispensed = 0;
        if (recall.RecallLevels.HasFlag(RecallLevels.Patients))
        {
            foreach (var pack in exposed.Where(p => p.Holding.Dispensed && p.Outcome == MatchOutcome.Concerned && IsNewlyConcerned(upsert, p)))
            {
                dispensed++;
                var concerned = outbox.Create(HubEventType.DispensedPackConcerned) with
                {
                    RecallId = recall.Id,
                    Pharmacy = PharmacyOf(pack.Holding.Pharmacy),
                    Pack = new BlockedPack(0, pack.Holding.Gtin, null, pack.Holding.Lot, pack.Holding.Serial, pack.Holding.Expiry, pack.Holding.LastScannedAt, pack.Holding.Workstation),
                    Message = $"Rappel {headline.Quoted} jusqu'au patient : {(pack.Holding.Serial is { } s ? $"la boîte n° {s}" : $"une boîte du lot {pack.Holding.Lot}")} a été délivrée. Retrouver et contacter le patient.",
                };
                await outbox.EnqueueAsync(session, concerned, cancellationToken).ConfigureAwait(false);
            }
        }

        return new NoticeIngestion(notice, upsert, placed, dispensed, unmatchable);
    }

    // Events carry no pharmacy in a single-pharmacy hub, whose rows have the pharmacy "".
    internal static string? PharmacyOf(string pharmacy) => pharmacy.Length == 0 ? null : pharmacy;

    // A revision re-reports only the dispensed packs its changes reach: the ones already reported stay reported.
    private static bool IsNewlyConcerned(RecallUpsertResult upsert, ExposedPack pack)
    {
        if (upsert.Outcome == RecallUpsertOutcome.Created || upsert.Changes is not { } changes)
        {
            return true;
        }

        string key = pack.Holding.ProductKey;
        string? lot = ProductKeys.Lot(pack.Holding.Lot);
        return changes.ProductsAdded.Contains(key, StringComparer.Ordinal)
            || changes.SelectorsChanged.Contains(key, StringComparer.Ordinal)
            || changes.LotsAdded.Any(l => l.ProductKey == key && ProductKeys.Lot(l.Lot) == lot);
    }

    private static string Announce(StoredRecall recall, RecallUpsertResult upsert) => upsert.Outcome switch
    {
        RecallUpsertOutcome.Created => $"Nouveau rappel {new RecallHeadline(recall.Title, recall.AlertNumber).Quoted}.",
        RecallUpsertOutcome.Linked => $"Rappel {new RecallHeadline(recall.Title, recall.AlertNumber).Quoted} : publié aussi par une autre source.",
        _ => $"Rappel {new RecallHeadline(recall.Title, recall.AlertNumber).Quoted} mis à jour{(upsert.Changes is { IsEmpty: false } c ? $" ({c})" : "")}.",
    };
}
