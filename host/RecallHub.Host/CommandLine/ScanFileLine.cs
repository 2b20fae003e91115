using RecallHub.Core.Scanning;

namespace RecallHub.Host.CommandLine;

/// <summary>One line of a scan file: the scan it holds, or what is wrong with it.</summary>
/// <param name="Number">The line's number in the file, from 1 (a CSV header is line 1).</param>
/// <param name="Scan">The scan, or <see langword="null"/> when the line cannot be read.</param>
/// <param name="Problem">What is wrong with the line, when <paramref name="Scan"/> is <see langword="null"/>.</param>
internal readonly record struct ScanFileLine(long Number, ScanSubmission? Scan, string? Problem);
