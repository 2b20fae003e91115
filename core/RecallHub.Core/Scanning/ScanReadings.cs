using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Patients;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>
/// A batch of scans read before it is recorded: each code parsed, what would refuse it found, the scan to store built.
/// Reading needs neither the store nor the active recalls, so a bulk import reads its next batch on the other core
/// while the store writes the current one, and hands it over in <see cref="RecordScans.ReadAhead"/>; otherwise the
/// handler reads the batch itself.
/// </summary>
/// <remarks>Reading is thread-safe and touches nothing shared; a batch read is immutable.</remarks>
public sealed class ScanReadings
{
    // A scanner's clock a little ahead of the hub's is normal; a scan dated tomorrow is a bug upstream.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    private ScanReadings(IReadOnlyList<ScanSubmission> scans, ScanReading[] items, DateTimeOffset readAt)
    {
        Scans = scans;
        Items = items;
        ReadAt = readAt;
    }

    /// <summary>The scans read, as given.</summary>
    public IReadOnlyList<ScanSubmission> Scans { get; }

    /// <summary>When they were read: the time given to scans that do not say when they were made.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>One reading per scan, in the order given.</summary>
    internal ScanReading[] Items { get; }

    /// <summary>Reads a batch of scans.</summary>
    /// <param name="scans">The scans, as they will be sent in <see cref="RecordScans.Scans"/> (the same list).</param>
    /// <param name="time">The hub's clock: the time of undated scans and the limit of dated ones.</param>
    public static ScanReadings Read(IReadOnlyList<ScanSubmission> scans, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scans);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var options = new Dictionary<string, BarcodeReaderOptions>(StringComparer.Ordinal);
        var plain = new BarcodeReaderOptions { TimeProvider = time };
        var readings = new ScanReading[scans.Count];
        for (int i = 0; i < scans.Count; i++)
        {
            readings[i] = ReadOne(scans[i], now, time, plain, options);
        }

        return new ScanReadings(scans, readings, now);
    }

    private static ScanReading ReadOne(ScanSubmission? submission, DateTimeOffset now, TimeProvider time, BarcodeReaderOptions plain, Dictionary<string, BarcodeReaderOptions> options)
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

        // Made only for a scan that has a problem: most have none.
        List<ScanProblem>? problems = null;
        foreach (var error in reading.Errors)
        {
            (problems ??= []).Add(new ScanProblem(error.Code, error.Position, error.Message));
        }

        string? productKey = ProductKeys.Of(reading);
        if (productKey is null && reading.Errors.Count == 0)
        {
            (problems ??= []).Add(new ScanProblem("SCAN_NO_PRODUCT", null, "The code names no product: it carries no GTIN, HIBCC or PPN to match recalls on."));
        }

        var scannedAt = submission.ScannedAt ?? now;
        if (scannedAt > now + FutureTolerance)
        {
            (problems ??= []).Add(new ScanProblem("SCAN_IN_FUTURE", null, $"scanned_at {scannedAt:O} is later than the hub's clock ({now:O}) by more than {FutureTolerance.TotalMinutes} minutes."));
        }

        if (submission.SealedPatient is { } sealedPatient)
        {
            // The host seals identities before they reach the engine; anything else is refused rather than stored.
            if (submission.Event is not (PackEvent.Implantation or PackEvent.Dispensation))
            {
                (problems ??= []).Add(new ScanProblem("SCAN_PATIENT_EVENT", null, "A patient goes only with an implantation or a dispensation scan."));
            }

            if (!sealedPatient.StartsWith(PatientIdentitySeal.Version1Prefix, StringComparison.Ordinal))
            {
                (problems ??= []).Add(new ScanProblem("SCAN_PATIENT_NOT_SEALED", null, "The patient identity is not sealed: the engine stores only sealed identities."));
            }
        }

        if (problems is not null)
        {
            return new ScanReading(reading, null, problems);
        }

        // Built in one go (PackScan.FromReading and a copy `with` the handover fields cost a second object and key).
        var scan = new PackScan
        {
            RawCode = reading.Input,
            Scheme = reading.Scheme,
            Gtin = reading.Gtin,
            ProductKey = productKey,
            Lot = reading.Lot,
            Serial = reading.Serial,
            Expiry = reading.Expiry,
            ProductionDate = reading.ProductionDate,
            Event = submission.Event,
            ScannedAt = scannedAt,
            Workstation = submission.Workstation,
            Operator = submission.Operator,
            SealedPatient = submission.SealedPatient,
            Prescriber = submission.Prescriber,
            Place = submission.Place,
        };
        return new ScanReading(reading, scan, []);
    }
}
