using Mediator;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Blocking;
using RecallHub.Core.Checking;
using RecallHub.Core.Events;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>Handles <see cref="RecordScans"/>.</summary>
/// <param name="store">The hub's store.</param>
/// <param name="recalls">The counter's checker.</param>
/// <param name="outbox">Where events go.</param>
/// <param name="time">The hub's clock.</param>
public sealed class RecordScansHandler(IRecallHubStore store, ActiveRecallsCache recalls, HubEventOutbox outbox, TimeProvider time)
    : IRequestHandler<RecordScans, ScanBatchResult>
{
    /// <inheritdoc />
    public async ValueTask<ScanBatchResult> Handle(RecordScans request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scans);
        if (request.Scans.Count > RecordScans.MaxBatch)
        {
            throw new ArgumentException($"A batch holds at most {RecordScans.MaxBatch} scans; this one has {request.Scans.Count}. Split it.", nameof(request));
        }

        var read = request.ReadAhead ?? ScanReadings.Read(request.Scans, time);
        if (!ReferenceEquals(read.Scans, request.Scans))
        {
            throw new ArgumentException("ReadAhead was read from another list of scans than Scans: read the very list sent.", nameof(request));
        }

        var readings = read.Items;

        // Blocks read ahead are placed now, not when their batch was read; otherwise at the time undated scans get.
        var now = request.ReadAhead is null ? read.ReadAt : time.GetUtcNow();

        // Scans are one pharmacy's: the all-pharmacies scope has none to record them for (Pharmacy throws).
        string pharmacy = request.Scope.Pharmacy;
        await using var session = await store.OpenSessionAsync(request.Scope, cancellationToken).ConfigureAwait(false);
        await using var transaction = await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Read inside the write transaction: any recall committed before it is in the checker.
        string stamp = await session.Recalls.GetActiveStampAsync(cancellationToken).ConfigureAwait(false);
        await recalls.EnsureCurrentAsync(stamp, cancellationToken).ConfigureAwait(false);
        var checker = recalls.Checker;

        var accepted = new List<int>(readings.Length);
        var scans = new List<PackScan>(readings.Length);
        for (int i = 0; i < readings.Length; i++)
        {
            if (readings[i].Problems.Count == 0)
            {
                accepted.Add(i);
                scans.Add(readings[i].Scan!);
            }
        }

        var ids = await session.Scans.AppendAsync(scans, cancellationToken).ConfigureAwait(false);
        var scanIds = new long?[readings.Length];
        for (int k = 0; k < accepted.Count; k++)
        {
            scanIds[accepted[k]] = ids[k];
        }

        // The register of who received which device learns it in the same transaction as the scan.
        for (int i = 0; i < readings.Length; i++)
        {
            if (scanIds[i] is { } scanId && readings[i].Scan is { SealedPatient: not null } handedOver)
            {
                var handover = outbox.Create(HubEventType.PackHandedOver) with { Handover = Handover(scanId, handedOver, readings[i].Reading!) };
                await outbox.EnqueueAsync(session, handover, cancellationToken).ConfigureAwait(false);
            }
        }

        var checks = new PackCheckResult?[readings.Length];
        var toBlock = new List<(int Index, NewStockBlock Block)>();
        for (int i = 0; i < readings.Length; i++)
        {
            var reading = readings[i].Reading;
            if (reading is null || PackIdentity.From(reading) is null)
            {
                continue;
            }

            var check = checker.Check(reading, pharmacy);
            checks[i] = check;
            if (check.Verdict == CheckVerdict.Block && scanIds[i] is { } scanId && readings[i].Scan!.Event != PackEvent.Destruction)
            {
                var scan = readings[i].Scan!;
                foreach (var concern in check.Recalls.Where(c => c.Lift is null))
                {
                    string reason = BlockReasons.Describe(new RecallHeadline(concern.Title, concern.AlertNumber), concern.Outcome, scan.Lot, scan.Serial);
                    toBlock.Add((i, new NewStockBlock(concern.RecallId, scan.ProductKey!, scan.Lot, scan.Serial, reason)
                    {
                        Gtin = scan.Gtin,
                        Expiry = scan.Expiry,
                        ScanId = scanId,
                        Workstation = scan.Workstation,
                        NeedsManualCheck = concern.Outcome == MatchOutcome.CannotTell,
                        Since = now,
                    }));
                }
            }
        }

        var placed = new List<StockBlock>?[readings.Length];
        if (toBlock.Count > 0)
        {
            var placements = await session.Blocks.PlaceAsync([.. toBlock.Select(b => b.Block)], cancellationToken).ConfigureAwait(false);
            for (int k = 0; k < placements.Count; k++)
            {
                if (!placements[k].Created)
                {
                    continue;
                }

                var block = placements[k].Block;
                (placed[toBlock[k].Index] ??= []).Add(block);
                var blocked = outbox.Create(HubEventType.StockBlocked) with
                {
                    RecallId = block.RecallId,
                    Pack = BlockedPackView.Of(block),
                    Message = block.Reason,
                };
                await outbox.EnqueueAsync(session, blocked, cancellationToken).ConfigureAwait(false);
            }
        }

        if (request.Checkpoint is { } checkpoint)
        {
            await checkpoint.ApplyAsync(session.Checkpoints, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var items = new ScanOutcome[readings.Length];
        for (int i = 0; i < readings.Length; i++)
        {
            items[i] = new ScanOutcome(i, scanIds[i], checks[i], readings[i].Problems, placed[i] ?? (IReadOnlyList<StockBlock>)[]);
        }

        return new ScanBatchResult(items);
    }

    private static PackHandover Handover(long scanId, PackScan scan, BarcodeReading reading) => new()
    {
        Event = scan.Event == PackEvent.Implantation ? HandoverEvent.Implantation : HandoverEvent.Dispensation,
        At = scan.ScannedAt,
        ScanId = scanId,
        RawCode = scan.RawCode,
        Gtin = scan.Gtin,
        UdiDi = reading.UdiDi ?? scan.Gtin,
        Lot = scan.Lot,
        Serial = scan.Serial,
        Expiry = scan.Expiry,
        Workstation = scan.Workstation,
        Operator = scan.Operator,
        Prescriber = scan.Prescriber,
        Place = scan.Place,
        SealedPatient = scan.SealedPatient!,
    };
}
