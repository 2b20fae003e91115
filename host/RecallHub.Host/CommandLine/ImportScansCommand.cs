using System.CommandLine;
using System.Globalization;
using Mediator;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>recallhub import-scans FILE [--event EVENT] [--database FILE] [--plugins FILE] [--batch N] [--gs SUB]
/// [--from-line N | --resume]</c>: imports a file of pack scans through the engine, so that packs of active recalls are
/// blocked and sinks told exactly as for scans posted to the HTTP API. Exit code 0 when every line was stored, 1 when
/// some were refused (or the store failed), 2 on bad usage, 130 when stopped by Ctrl+C.
/// </summary>
internal static class ImportScansCommand
{
    /// <summary>Scans sent in one transaction unless <c>--batch</c> says otherwise.</summary>
    /// <remarks>
    /// Each commit rewrites every index page its scans touched, and scans of a pharmacy's many products touch pages
    /// all over the scan indexes: 20 000 scans a batch imported 1.5 times as fast as 5 000 (docs/benchmarks.md), and
    /// still commit in about a second, so that Ctrl+C is honoured quickly and the hub's own writers wait little.
    /// </remarks>
    public const int DefaultBatch = 20_000;

    /// <summary>The exit code after Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    public static Command Create(TextReader input, TimeProvider time)
    {
        var file = new Argument<string>("FILE") { Description = "The scans: one code per line (\\x1d stands for GS), or CSV with a header naming a 'code' column. '-' reads standard input." };
        var @event = new Option<PackEvent>("--event")
        {
            Description = "Why the packs were scanned, for lines that do not say.",
            HelpName = string.Join('|', Enum.GetValues<PackEvent>().Select(PackEventNames.Name)),
            DefaultValueFactory = _ => PackEvent.Reception,
        };
        var batch = new Option<int>("--batch")
        {
            Description = $"Scans stored per transaction (1 to {RecordScans.MaxBatch}).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultBatch,
        };
        var gs = new Option<string?>("--gs")
        {
            Description = "What the scanner sent instead of GS (e.g. '<GS>' or '~').",
            HelpName = "SUBSTITUTE",
        };
        var fromLine = new Option<long?>("--from-line")
        {
            Description = "Start at this line (from 1; a CSV header is line 1 and is still read), to resume an import that stopped.",
            HelpName = "N",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue after the last line an earlier import of this file committed.",
        };
        var database = DatabaseOption.Create();
        var plugins = EngineAccess.CreatePluginsOption();
        var pharmacy = PharmacyOption.Create("whose scans these are");
        var command = new Command("import-scans", "Import a file of pack scans: store them, block the packs of active recalls and tell the sinks.")
        {
            file, @event, database, plugins, batch, gs, fromLine, resume, pharmacy,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            string path = result.GetValue(file)!;
            bool standardInput = path == "-";
            if (Usage(result.GetValue(batch), result.GetValue(gs), result.GetValue(fromLine), result.GetValue(resume), standardInput) is { } usage)
            {
                await error.WriteLineAsync($"recallhub import-scans: {usage}").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            if (!standardInput && !File.Exists(path))
            {
                await error.WriteLineAsync($"recallhub import-scans: file '{Path.GetFullPath(path)}' does not exist.").ConfigureAwait(false);
                return RecallHubCommandLine.UsageError;
            }

            ScanImportRun Run(PharmacyScope scope) => new(result.InvocationConfiguration.Output, error, time)
            {
                Scope = scope,
                Path = standardInput ? null : path,
                Settings = new ScanFileSettings(result.GetValue(@event), result.GetValue(gs), result.GetValue(fromLine) ?? 1, time.LocalTimeZone),
                BatchSize = result.GetValue(batch),
                FromLineGiven = result.GetValue(fromLine) is not null,
                Resume = result.GetValue(resume),

                // The bar needs a real terminal; tests, pipes and logs get plain lines.
                Terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
            };
            return await EngineAccess.RunAsync(
                result.GetValue(database)!,
                result.GetValue(pharmacy),
                shared: false,
                result.GetValue(plugins)!,
                time,
                error,
                "import-scans",
                (services, scope) => Run(scope).RunAsync(services.GetRequiredService<IMediator>(), services.GetRequiredService<IRecallHubStore>(), input, cancellationToken),
                CancellationToken.None).ConfigureAwait(false);
        });
        return command;
    }

    private static string? Usage(int batch, string? gs, long? fromLine, bool resume, bool standardInput) =>
        batch is < 1 or > RecordScans.MaxBatch ? string.Create(CultureInfo.InvariantCulture, $"--batch must be between 1 and {RecordScans.MaxBatch}.")
        : gs is "" ? "--gs needs a non-empty substitute."
        : fromLine is < 1 ? "--from-line counts lines from 1."
        : fromLine is not null && resume ? "--from-line and --resume cannot be used together: --resume finds the line itself."
        : resume && standardInput ? "--resume needs a file: standard input keeps no place to resume from; use --from-line."
        : null;
}
