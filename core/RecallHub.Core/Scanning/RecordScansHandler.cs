using Mediator;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Patients;
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
    // A scanner's clock a little ahead of the hub's is normal; a scan dated tomorrow is a bug upstream.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public async ValueTask<ScanBatchResult> Handle(RecordScans request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scans);
        if (request.Scans.Count > RecordScans.MaxBatch)
        {
            throw new ArgumentException($"A batch holds at most {RecordScans.MaxBatch} scans; this one has {request.Scans.Count}. Split it.", nameof(request));
        }

        var now = time.GetUtcNow();
        var readings = Read(request.Scans, now);

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

    private ScanReading[] Read(IReadOnlyList<ScanSubmission> submissions, DateTimeOffset now)
    {
        var options = new Dictionary<string, BarcodeReaderOptions>(StringComparer.Ordinal);
        var plain = new BarcodeReaderOptions { TimeProvider = time };
        var readings = new ScanReading[submissions.Count];
        for (int i = 0; i < submissions.Count; i++)
        {
            readings[i] = Read(submissions[i], now, plain, options);
        }

        return readings;
    }

    private ScanReading Read(ScanSubmission? submission, DateTimeOffset now, BarcodeReaderOptions plain, Dictionary<string, BarcodeReaderOptions> options)
    {
        if (submission is null)
        {
            return ScanReading.Refused(new ScanProblem("SCAN_MISSING", null, "The scan is missing (null)."));
        }

        if (string.IsNullOrEmpty(submission.RawCode))
        {
            return ScanReading.Refused(new ScanProblem("SCAN_EMPTY", null, "The scan has no code."));
        }

        if (!Enum.IsDefined(submission.Event))
        {
            return ScanReading.Refused(new ScanProblem("SCAN_EVENT", null, $"Unknown event {(int)submission.Event}."));
        }

        var readerOptions = submission.GroupSeparatorSubstitute is not { Length: > 0 } substitute
            ? plain
            : options.TryGetValue(substitute, out var known) ? known : options[substitute] = new BarcodeReaderOptions { TimeProvider = time, GroupSeparatorSubstitute = substitute };
        var reading = BarcodeReader.Read(submission.RawCode, readerOptions);

        var problems = new List<ScanProblem>();
        problems.AddRange(reading.Errors.Select(e => new ScanProblem(e.Code, e.Position, e.Message)));
        string? productKey = ProductKeys.Of(reading);
        if (productKey is null && reading.Errors.Count == 0)
        {
            problems.Add(new ScanProblem("SCAN_NO_PRODUCT", null, "The code names no product: it carries no GTIN, HIBCC or PPN to match recalls on."));
        }

        var scannedAt = submission.ScannedAt ?? now;
        if (scannedAt > now + FutureTolerance)
        {
            problems.Add(new ScanProblem("SCAN_IN_FUTURE", null, $"scanned_at {scannedAt:O} is later than the hub's clock ({now:O}) by more than {FutureTolerance.TotalMinutes} minutes."));
        }

        if (submission.SealedPatient is { } sealedPatient)
        {
            // The host seals identities before they reach the engine; anything else is refused rather than stored.
            if (submission.Event is not (PackEvent.Implantation or PackEvent.Dispensation))
            {
                problems.Add(new ScanProblem("SCAN_PATIENT_EVENT", null, "A patient goes only with an implantation or a dispensation scan."));
            }

            if (!sealedPatient.StartsWith(PatientIdentitySeal.Version1Prefix, StringComparison.Ordinal))
            {
                problems.Add(new ScanProblem("SCAN_PATIENT_NOT_SEALED", null, "The patient identity is not sealed: the engine stores only sealed identities."));
            }
        }

        return problems.Count > 0
            ? new ScanReading(reading, null, problems)
            : new ScanReading(reading, PackScan.FromReading(reading, submission.Event, scannedAt, submission.Workstation, submission.Operator) with
            {
                SealedPatient = submission.SealedPatient,
                Prescriber = submission.Prescriber,
                Place = submission.Place,
            }, []);
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

    private readonly record struct ScanReading(BarcodeReading? Reading, PackScan? Scan, IReadOnlyList<ScanProblem> Problems)
    {
        public static ScanReading Refused(ScanProblem problem) => new(null, null, [problem]);
    }
}
