using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;

namespace RecallHub.Host.Running;

/// <summary>
/// Hands the serialised packs of a committed scan batch to the running <see cref="IPackVerifier"/>s (the NMVS plugin)
/// and gathers their answers, one per scan. Under <c>recallhub run</c> only: <c>serve</c> starts no plugin.
/// </summary>
/// <remarks>
/// Called after the scans are committed, never inside the scan transaction: a slow or failing verifier cannot lose a
/// scan nor hold the store. A verifier that throws gives <see cref="PackVerificationStatus.Failed"/> for its packs —
/// said at the counter, never a silent allow.
/// </remarks>
internal sealed partial class PackVerifications(RunningPlugins running, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<PackVerifications> log)
{
    /// <summary>The verifiers' answers for <paramref name="result"/>, by the scan's index in the batch.</summary>
    /// <param name="submissions">The scans as submitted.</param>
    /// <param name="result">What the engine made of them.</param>
    public async Task<IReadOnlyDictionary<int, PackVerification>> VerifyAsync(IReadOnlyList<ScanSubmission> submissions, ScanBatchResult result)
    {
        var verifiers = running.Verifiers;
        if (verifiers.Count == 0)
        {
            return new Dictionary<int, PackVerification>();
        }

        var now = time.GetUtcNow();
        var packs = new List<PackToVerify>();
        var indexOf = new Dictionary<long, int>();
        foreach (var outcome in result.Items)
        {
            // Only stored scans of serialised packs: the national system knows packs by product code and serial.
            if (outcome.ScanId is not { } scanId || outcome.Check?.Reading is not { Gtin: { } gtin, Serial: { } serial } reading)
            {
                continue;
            }

            var submission = submissions[outcome.Index];
            packs.Add(new PackToVerify(scanId, EventOf(submission.Event), gtin, serial, submission.ScannedAt ?? now)
            {
                Lot = reading.Lot,
                Expiry = reading.Expiry,
                Workstation = submission.Workstation,
            });
            indexOf[scanId] = outcome.Index;
        }

        var answers = new Dictionary<int, PackVerification>();
        if (packs.Count == 0)
        {
            return answers;
        }

        foreach (var (id, verifier) in verifiers)
        {
            IReadOnlyList<PackVerification> found;
            try
            {
                // The person scanning waits for this answer, but a client that hangs up must not cancel the
                // verification half-way: only the hub's shutdown does.
                found = await verifier.VerifyAsync(packs, lifetime.ApplicationStopping).ConfigureAwait(false);
            }
            catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogVerifierFailed(e, id, packs.Count);
                found = [.. packs.Select(p => new PackVerification(
                    p.ScanId,
                    PackVerificationStatus.Failed,
                    $"La vérification de cette boîte ({id}) a échoué : elle n'est pas vérifiée.",
                    "Ne pas la délivrer avant de l'avoir vérifiée : la mettre de côté et prévenir le pharmacien responsable."))];
            }

            foreach (var answer in found)
            {
                if (indexOf.TryGetValue(answer.ScanId, out int index)
                    && (!answers.TryGetValue(index, out var earlier) || Severity(answer.Status) > Severity(earlier.Status)))
                {
                    answers[index] = answer;
                }
            }
        }

        return answers;
    }

    private static PackScanEvent EventOf(PackEvent scanned) => scanned switch
    {
        PackEvent.Reception => PackScanEvent.Reception,
        PackEvent.Dispensation => PackScanEvent.Dispensation,
        PackEvent.Return => PackScanEvent.Return,
        PackEvent.Destruction => PackScanEvent.Destruction,
        PackEvent.Implantation => PackScanEvent.Implantation,
        _ => throw new ArgumentOutOfRangeException(nameof(scanned), scanned, "Unknown scan event."),
    };

    // When two verifiers answer for one pack, the counter sees the most worrying answer.
    private static int Severity(PackVerificationStatus status) => status switch
    {
        PackVerificationStatus.Alert => 3,
        PackVerificationStatus.Failed => 2,
        PackVerificationStatus.Pending => 1,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Pack verifier {PluginId} failed on {Count} pack(s); they are answered 'failed' at the counter.")]
    private partial void LogVerifierFailed(Exception exception, string pluginId, int count);
}
