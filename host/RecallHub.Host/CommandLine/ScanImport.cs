using Mediator;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// Sends the scans of a file through the engine in batches (<see cref="RecordScans"/>, one transaction each) and
/// accounts for every line: stored, refused with its line number and what is wrong, or not reached.
/// </summary>
/// <remarks>
/// A stop request is honoured between batches only: the batch in flight is committed (or, if the process dies, rolled
/// back whole by SQLite), never left half stored. When the file has a <see cref="CheckpointKey"/>, each batch commits
/// the number of its last line with it, so that <c>--resume</c> knows exactly where the last committed batch ended.
/// </remarks>
internal sealed class ScanImport(ScanFileReader reader, Func<long?> position, ImportProgress progress, int batchSize)
{
    /// <summary>The checkpoint's word for a file read to the end.</summary>
    public const string Complete = "complete";

    /// <summary>Under which name the import's checkpoint is stored, or <see langword="null"/> for none (standard input).</summary>
    public string? CheckpointKey { get; init; }

    /// <summary>The pharmacy whose scans these are; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }

    /// <summary>What the import did.</summary>
    public ImportTally Tally { get; } = new();

    /// <summary>The last line whose batch is committed (or the line before the first one read).</summary>
    public long CommittedLine { get; private set; }

    /// <summary>Whether the file was read to the end.</summary>
    public bool Finished { get; private set; }

    /// <summary>The checkpoint key of a file: its full path.</summary>
    public static string KeyOf(string path) => "import-scans:" + Path.GetFullPath(path);

    /// <summary>Reads a checkpoint written by an import: its last committed line, and whether the file was read to the end.</summary>
    public static bool TryReadCheckpoint(string checkpoint, out long line, out bool complete)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        string[] parts = checkpoint.Split(' ');
        complete = parts.Length == 2 && parts[1] == Complete;
        return long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out line) && (parts.Length == 1 || complete);
    }

    /// <summary>Imports until the end of the file, or until <paramref name="stop"/> is requested (checked between batches).</summary>
    public async Task RunAsync(IMediator mediator, long firstLine, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        CommittedLine = firstLine - 1;
        while (!stop.IsCancellationRequested)
        {
            var scans = new List<ScanSubmission>(batchSize);
            var lines = new List<long>(batchSize);
            bool more = await FillAsync(scans, lines).ConfigureAwait(false);
            long last = Math.Max(reader.LineNumber, CommittedLine);

            // A batch of nothing still carries the checkpoint when the file ends, so that it says "complete".
            if (scans.Count > 0 || last > CommittedLine || (!more && CheckpointKey is not null))
            {
                var request = new RecordScans(scans)
                {
                    Checkpoint = CheckpointKey is null ? null : new SourceCheckpointAdvance(CheckpointKey, more ? $"{last}" : $"{last} {Complete}"),
                    Scope = Scope,
                };

                // Not cancellable: a batch that started is committed, then the stop is honoured.
                var result = await mediator.Send(request, CancellationToken.None).ConfigureAwait(false);
                CommittedLine = last;
                await AccountAsync(result, lines).ConfigureAwait(false);
                await progress.CommittedAsync(CommittedLine, position(), Tally).ConfigureAwait(false);
            }

            if (!more)
            {
                Finished = true;
                return;
            }
        }
    }

    private async Task<bool> FillAsync(List<ScanSubmission> scans, List<long> lines)
    {
        while (scans.Count < batchSize)
        {
            if (!reader.TryRead(out var line))
            {
                return false;
            }

            if (line.Scan is { } scan)
            {
                scans.Add(scan);
                lines.Add(line.Number);
            }
            else
            {
                Tally.Refused++;
                await progress.RefusedAsync(line.Number, line.Problem!).ConfigureAwait(false);
            }
        }

        return true;
    }

    private async Task AccountAsync(ScanBatchResult result, List<long> lines)
    {
        foreach (var item in result.Items)
        {
            Tally.Blocked += item.BlocksPlaced.Count;
            if (item.ScanId is not null)
            {
                Tally.Stored++;
                continue;
            }

            Tally.Refused++;
            await progress.RefusedAsync(lines[item.Index], string.Join("; ", item.Problems.Select(Describe))).ConfigureAwait(false);
        }
    }

    private static string Describe(ScanProblem problem) =>
        problem.Position is { } at ? $"{problem.Code} at {at}: {problem.Message}" : $"{problem.Code}: {problem.Message}";
}
