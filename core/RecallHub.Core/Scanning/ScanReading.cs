using RecallHub.Abstractions.Identifiers;
using RecallHub.Core.Storage;

namespace RecallHub.Core.Scanning;

/// <summary>One scan of a batch, read: the parsed code, the scan to store (none when refused), what is wrong with it.</summary>
/// <param name="Reading">The parsed code, or <see langword="null"/> when there was no code to parse.</param>
/// <param name="Scan">The scan to store, or <see langword="null"/> when it is refused.</param>
/// <param name="Problems">Why it is refused; empty for a clean scan.</param>
internal readonly record struct ScanReading(BarcodeReading? Reading, PackScan? Scan, IReadOnlyList<ScanProblem> Problems)
{
    public static ScanReading Refused(ScanProblem problem) => new(null, null, [problem]);
}
