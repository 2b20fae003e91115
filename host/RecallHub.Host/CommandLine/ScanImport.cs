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
/// <para>
/// A stop request is honoured between batches only: the batch in flight is committed (or, if the process dies, rolled
/// back whole by SQLite), never left half stored. When the file has a <see cref="CheckpointKey"/>, each batch commits
/// the number of its last line with it, so that <c>--resume</c> knows exactly where the last committed batch ended.
/// </para>
/// <para>
/// While a batch is stored, the next one is read (<see cref="ReadAhead"/>): the store works on one core, reading the
/// file and the codes on the other. A batch read ahead and not sent when the import stops is simply not committed.
/// </para>
/// </remarks>
internal sealed class ScanImport(ScanFileReader reader, Func<long?> position, ImportProgress progress, int batchSize, TimeProvider time)
{
    /// <summary>The checkpoint's word for a file read to the end.</summary>
    public const string Complete = "complete";

    /// <summary>Under which name the import's checkpoint is stored, or <see langword="null"/> for none (standard input).</summary>
    public string? CheckpointKey { get; init; }

    /// <summary>The pharmacy whose scans these are; <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }

    /// <summary>
    /// Whether to read the next batch while the current one is stored. Not for standard input, where reading ahead could
    /// wait for a line that Ctrl+C should not wait for.
    /// </summary>
    public bool ReadAhead { get; init; }

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
        Task<Batch>? ahead = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = ahead is null ? Next() : await ahead.ConfigureAwait(false);
                ahead = null;

                // The store's work is one thread; reading the next batch (the file, the codes) goes on the other core.
                if (batch.More && ReadAhead)
                {
                    ahead = Task.Run(Next, CancellationToken.None);
                }

                // Listed here rather than where the line was read, so that they come in file order among the progress lines.
                foreach (var (line, problem) in batch.Refused)
                {
                    Tally.Refused++;
                    await progress.RefusedAsync(line, problem).ConfigureAwait(false);
                }

                long last = Math.Max(batch.LineNumber, CommittedLine);

                // A batch of nothing still carries the checkpoint when the file ends, so that it says "complete".
                if (batch.Scans.Count > 0 || last > CommittedLine || (!batch.More && CheckpointKey is not null))
                {
                    var request = new RecordScans(batch.Scans)
                    {
                        Checkpoint = CheckpointKey is null ? null : new SourceCheckpointAdvance(CheckpointKey, batch.More ? $"{last}" : $"{last} {Complete}"),
                        ReadAhead = batch.Readings,
                        Scope = Scope,
                    };

                    // Not cancellable: a batch that started is committed, then the stop is honoured.
                    var result = await mediator.Send(request, CancellationToken.None).ConfigureAwait(false);
                    CommittedLine = last;
                    await AccountAsync(result, batch.Lines).ConfigureAwait(false);
                    await progress.CommittedAsync(CommittedLine, batch.Position, Tally).ConfigureAwait(false);
                }

                if (!batch.More)
                {
                    Finished = true;
                    return;
                }
            }
        }
        finally
        {
            // The file is closed after this returns: the batch being read ahead (read, never sent) must be done with it.
            if (ahead is not null)
            {
                await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // Reads up to a batch of lines and their codes; never touches the tally or the output, which the sending loop owns.
    private Batch Next()
    {
        var scans = new List<ScanSubmission>(batchSize);
        var lines = new List<long>(batchSize);
        var refused = new List<(long, string)>();
        bool more = true;
        while (scans.Count < batchSize)
        {
            if (!reader.TryRead(out var line))
            {
                more = false;
                break;
            }

            if (line.Scan is { } scan)
            {
                scans.Add(scan);
                lines.Add(line.Number);
            }
            else
            {
                refused.Add((line.Number, line.Problem!));
            }
        }

        return new Batch(scans, lines, refused, ScanReadings.Read(scans, time), reader.LineNumber, position(), more);
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

    /// <summary>A batch as read from the file.</summary>
    /// <param name="Scans">The lines that hold a scan.</param>
    /// <param name="Lines">The line number of each scan.</param>
    /// <param name="Refused">The lines that hold no scan, with what is wrong.</param>
    /// <param name="Readings">The scans, read by the engine's reader.</param>
    /// <param name="LineNumber">The last line read.</param>
    /// <param name="Position">Bytes of the file read, when known.</param>
    /// <param name="More">Whether the file goes on.</param>
    private sealed record Batch(List<ScanSubmission> Scans, List<long> Lines, List<(long Line, string Problem)> Refused, ScanReadings Readings, long LineNumber, long? Position, bool More);
}
