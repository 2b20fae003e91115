using System.Globalization;
using System.Text;
using Mediator;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>One run of <c>recallhub import-scans</c>: where to start, the import itself, and what to tell the user.</summary>
/// <param name="output">Where the summary goes.</param>
/// <param name="error">Where refused lines, progress and warnings go.</param>
/// <param name="time">The clock.</param>
internal sealed class ScanImportRun(TextWriter output, TextWriter error, TimeProvider time)
{
    private const int BufferSize = 1 << 16;

    /// <summary>The file, or <see langword="null"/> for standard input.</summary>
    public string? Path { get; init; }

    /// <summary>How to read the file; <see cref="ScanFileSettings.FromLine"/> is replaced when resuming.</summary>
    public required ScanFileSettings Settings { get; init; }

    /// <summary>Scans per transaction.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Whether <c>--from-line</c> was given.</summary>
    public bool FromLineGiven { get; init; }

    /// <summary>Whether to continue after the last line an earlier import of the file committed.</summary>
    public bool Resume { get; init; }

    /// <summary>Whether standard error is a terminal, for the progress bar.</summary>
    public bool Terminal { get; init; }

    /// <summary>The pharmacy whose scans these are (<c>--pharmacy</c>); <see cref="PharmacyScope.Single"/> by default.</summary>
    public PharmacyScope Scope { get; init; }

    private string Name => Path is null ? "stdin" : System.IO.Path.GetFileName(Path);

    /// <summary>Imports the file and returns the exit code.</summary>
    public async Task<int> RunAsync(IMediator mediator, IRecallHubStore store, TextReader standardInput, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(store);
        // Checkpoints are shared by the pharmacies: each one's import of a file resumes on its own.
        string? key = Path is null ? null : Scope.Finess is { } finess ? $"{ScanImport.KeyOf(Path)}#{finess}" : ScanImport.KeyOf(Path);
        long firstLine = Settings.FromLine;
        if (key is not null)
        {
            var (earlier, complete, at) = await EarlierImportAsync(store, key, CancellationToken.None).ConfigureAwait(false);
            if (Resume)
            {
                if (complete)
                {
                    await output.WriteLineAsync($"{Name}: already imported to the end (line {earlier}) on {at:u}; nothing to resume. Use --from-line 1 to import it again.").ConfigureAwait(false);
                    return 0;
                }

                firstLine = earlier + 1;
                await error.WriteLineAsync(earlier == 0
                    ? $"recallhub import-scans: no earlier import of {Name} is recorded; starting at line 1."
                    : $"recallhub import-scans: resuming {Name} after line {earlier}, committed on {at:u}.").ConfigureAwait(false);
            }
            else if (!FromLineGiven && earlier > 0 && !complete)
            {
                await error.WriteLineAsync($"recallhub import-scans: note: an earlier import of {Name} stopped after line {earlier} on {at:u}; --resume continues it. This one starts at line 1.").ConfigureAwait(false);
            }
        }

        Stream? stream = null;
        try
        {
            TextReader text;
            if (Path is null)
            {
                text = standardInput;
            }
            else
            {
                stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize, FileOptions.SequentialScan);
                text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
            }

            using var owned = stream is null ? null : text;
            return await ImportAsync(mediator, ScanFileReader.Open(text, Settings with { FromLine = firstLine }), stream, key, firstLine, stop).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"recallhub import-scans: {Name}: {e.Message}").ConfigureAwait(false);
            return RecallHubCommandLine.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"recallhub import-scans: cannot read {Path ?? "standard input"}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> ImportAsync(IMediator mediator, ScanFileReader reader, Stream? stream, string? key, long firstLine, CancellationToken stop)
    {
        if (reader.IgnoredColumns.Count > 0)
        {
            await error.WriteLineAsync($"recallhub import-scans: warning: {Name}: column(s) {string.Join(", ", reader.IgnoredColumns.Select(c => $"'{c}'"))} ignored; known: {string.Join(", ", ScanFileReader.Columns)}.").ConfigureAwait(false);
        }

        var progress = new ImportProgress(error, Terminal, time, Name, stream?.Length);
        var import = new ScanImport(reader, () => stream?.Position, progress, BatchSize, time) { CheckpointKey = key, ReadAhead = stream is not null, Scope = Scope };
        try
        {
            await import.RunAsync(mediator, firstLine, stop).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await progress.EndAsync().ConfigureAwait(false);
            await error.WriteLineAsync($"recallhub import-scans: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync($"recallhub import-scans: {Resumption(import.CommittedLine, firstLine)}").ConfigureAwait(false);
            return 1;
        }

        await progress.EndAsync().ConfigureAwait(false);
        var tally = import.Tally;
        string rate = progress.Rate(tally) is { } r ? string.Create(CultureInfo.InvariantCulture, $" ({r:F0} scans/s)") : "";
        string lines = import.CommittedLine < firstLine ? "no line" : $"lines {firstLine}-{import.CommittedLine}";
        await output.WriteLineAsync(
            $"{Name}: {lines}{(reader.IsCsv ? " (CSV)" : "")}: {tally.Stored} scan(s) stored, {tally.Refused} refused, {tally.Blocked} pack(s) blocked, " +
            $"in {ImportProgress.Duration(progress.Elapsed)}{rate}.").ConfigureAwait(false);

        if (!import.Finished)
        {
            await error.WriteLineAsync($"recallhub import-scans: stopped. {Resumption(import.CommittedLine, firstLine)}").ConfigureAwait(false);
            return ImportScansCommand.Interrupted;
        }

        if (tally.Refused > 0)
        {
            await error.WriteLineAsync($"recallhub import-scans: {tally.Refused} line(s) refused, listed above with what is wrong; every other line is stored.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private string Resumption(long committed, long firstLine) =>
        (committed < firstLine ? $"Nothing from line {firstLine} on is stored" : $"Lines up to {committed} are committed, nothing after") +
        $"; to resume, run again with --from-line {committed + 1}{(Path is null ? "" : " (or --resume)")}.";

    private static async Task<(long Line, bool Complete, DateTimeOffset At)> EarlierImportAsync(IRecallHubStore store, string key, CancellationToken cancellationToken)
    {
        // Checkpoints are shared by every pharmacy (the key names the pharmacy).
        await using var session = await store.OpenSessionAsync(PharmacyScope.All, cancellationToken).ConfigureAwait(false);
        var checkpoint = await session.Checkpoints.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return checkpoint is not null && ScanImport.TryReadCheckpoint(checkpoint.Checkpoint, out long line, out bool complete)
            ? (line, complete, checkpoint.UpdatedAt)
            : (0, false, default);
    }
}
