using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>How to read a scan file.</summary>
/// <param name="Event">The event of scans whose line does not say (raw codes, or an empty <c>event</c> field).</param>
/// <param name="GroupSeparatorSubstitute">What the scanner sent instead of GS, if anything.</param>
/// <param name="FromLine">The first line to read, from 1; earlier lines are skipped (a CSV header is still read).</param>
/// <param name="LocalTimeZone">The zone of <c>scanned_at</c> values written without an offset.</param>
internal sealed record ScanFileSettings(PackEvent Event, string? GroupSeparatorSubstitute, long FromLine, TimeZoneInfo LocalTimeZone);
