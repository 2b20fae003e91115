using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.CommandLine;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.CommandLine;

public sealed partial class ImportScansCommandTests : IDisposable
{
    private const string Gtin = "03400930270387";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));

    public ImportScansCommandTests() => Directory.CreateDirectory(_folder);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_folder, "hub.db");

    /// <summary>The medicine box of <see cref="Some.EscapedPack"/>, with another lot and serial.</summary>
    private static string Pack(string lot = "A53014", string serial = "7GH29KXW41Q") => $@"]d201{Gtin}17280229" + $@"10{lot}\x1d21{serial}";

    [GeneratedRegex(@"committed up to line (\d+)")]
    private static partial Regex Committed();

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<CommandLineRun> Import(params string[] args) => await Run(["import-scans", .. args, "--database", Database]);

    private static async Task<CommandLineRun> Run(string[] args, string standardInput = "", TimeProvider? clock = null)
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int exitCode = await RecallHubCommandLine.RunAsync(args, input, output, error, clock ?? Some.Clock());
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    private async Task<T> InStore<T>(Func<IStoreSession, Task<T>> read)
    {
        using var store = await SqliteRecallHubStore.OpenAsync(Database, Some.Clock(), cancellationToken: Token);
        await using var session = await store.OpenSessionAsync(Token);
        return await read(session);
    }

    private Task<IReadOnlyList<StoredPackScan>> StoredScans() => InStore(s => s.Scans.FindByProductAsync(Gtin, cancellationToken: Token));

    [Fact]
    public async Task PlainLines_AreStoredWithTheEventGivenAndBlankLinesSkipped()
    {
        string file = Write("scans.txt", $"{Pack(serial: "BOX1")}\n\n{Pack(serial: "BOX2")}\r\n   \n{Pack(lot: "B00001", serial: "BOX3")}\n");

        var run = await Import(file, "--event", "dispensation");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("scans.txt: lines 1-5: 3 scan(s) stored, 0 refused, 0 pack(s) blocked, in 0.0 s.", run.Output.Trim());
        var scans = await StoredScans();
        Assert.Equal(["BOX1", "BOX2", "BOX3"], scans.Select(s => s.Scan.Serial));
        Assert.All(scans, s => Assert.Equal(PackEvent.Dispensation, s.Scan.Event));
        Assert.Equal(Some.Pack.Replace("7GH29KXW41Q", "BOX1", StringComparison.Ordinal), scans[0].Scan.RawCode);
        Assert.Equal("B00001", scans[2].Scan.Lot);
    }

    [Fact]
    public async Task Csv_IsReadByItsHeaderWithQuotedFieldsAndColumnsInAnyOrder()
    {
        string file = Write("scans.csv", $$""""
            Operator,code,event,scanned_at,workstation
            "Dupont, Marie",{{Pack(serial: "BOX1")}},reception,2026-11-20T14:03:00+01:00,"comptoir ""1"""
            ,{{Pack(serial: "BOX2")}},Dispensation,2026-11-21 08:15,
            Léa,{{Pack(serial: "BOX3")}},,,
            """");

        var run = await Import(file, "--event", "return");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("scans.csv: lines 1-4 (CSV): 3 scan(s) stored, 0 refused", run.Output, StringComparison.Ordinal);
        var scans = await StoredScans();
        Assert.Equal(("Dupont, Marie", "comptoir \"1\"", PackEvent.Reception), (scans[0].Scan.Operator, scans[0].Scan.Workstation, scans[0].Scan.Event));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 3, 0, TimeSpan.FromHours(1)), scans[0].Scan.ScannedAt);
        Assert.Equal((null, null, PackEvent.Dispensation), (scans[1].Scan.Operator, scans[1].Scan.Workstation, scans[1].Scan.Event));

        // Without an offset, the pharmacy's local time (the fake clock's zone is UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 15, 0, TimeSpan.Zero), scans[1].Scan.ScannedAt);
        Assert.Equal(("Léa", PackEvent.Return, Some.Today), (scans[2].Scan.Operator, scans[2].Scan.Event, scans[2].Scan.ScannedAt));
    }

    [Fact]
    public async Task SemicolonSeparatedCsv_IsRead()
    {
        string file = Write("export.csv", $"code;workstation\n{Pack(serial: "BOX1")};réserve\n");

        var run = await Import(file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("réserve", Assert.Single(await StoredScans()).Scan.Workstation);
    }

    [Fact]
    public async Task BadLines_AreReportedWithTheirNumbersAndTheGoodOnesStored()
    {
        string badCheckDigit = $"]d20103400930270380" + "17280229" + "10A53014";
        string file = Write("scans.csv", $$"""
            code,event,scanned_at
            {{Pack(serial: "GOOD1")}},reception,
            {{Pack(serial: "BAD2")}},sale,
            {{Pack(serial: "BAD3")}},,20/11/2026
            {{Pack(serial: "BAD4")}},reception
            "{{Pack(serial: "BAD5")}},reception,
            {{badCheckDigit}},,
            {{Pack(serial: "BAD7")}},,2026-11-23T09:30:00Z
            ]d201\q,,

            {{Pack(serial: "GOOD10")}},dispensation,
            """);

        var run = await Import(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("scans.csv: lines 1-11 (CSV): 2 scan(s) stored, 7 refused, 0 pack(s) blocked", run.Output, StringComparison.Ordinal);
        string[] errors = run.Error.Split('\n');
        Assert.Contains("scans.csv:3: unknown event 'sale' (expected reception, dispensation, return, destruction or implantation)", errors);
        Assert.Contains("scans.csv:4: scanned_at '20/11/2026' is not an ISO 8601 date and time (such as 2026-11-20T14:03:00+01:00)", errors);
        Assert.Contains("scans.csv:5: 2 field(s) where the header has 3 (fields are separated by ','; quote a field that holds one)", errors);
        Assert.Contains(errors, e => e.StartsWith("scans.csv:6: the quoted field 1 (character 1) is not closed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("scans.csv:7: GS1_", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("scans.csv:8: SCAN_IN_FUTURE: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("scans.csv:9: Unknown escape at position 5", StringComparison.Ordinal));
        Assert.Contains("recallhub import-scans: 7 line(s) refused, listed above with what is wrong; every other line is stored.", errors);
        Assert.Equal(["GOOD1", "GOOD10"], (await StoredScans()).Select(s => s.Scan.Serial));
    }

    [Fact]
    public async Task ScansOfARecalledLot_BlockThePacksAsTheApiWould()
    {
        string notice = Write("recall.json", """
            { "source": "ansm", "source_id": "amlodipine", "kind": "lot_recall", "published_at": "2026-11-20T08:00:00+01:00",
              "title": "Amlodipine Biogaran 5 mg", "alert_number": "MED26/A019/B018",
              "products": [{ "code_scheme": "cip13", "code": "3400930270387", "label": null, "selector": { "lots": [{ "lot": "A53014" }] } }] }
            """);
        Assert.Equal(0, (await Run(["ingest", notice, "--database", Database])).ExitCode);
        string file = Write("reception.txt", $"{Pack(serial: "BOX1")}\n{Pack(lot: "B00001", serial: "BOX2")}\n{Pack(serial: "BOX3")}\n{Pack(serial: "BOX1")}\n");

        var run = await Import(file, "--batch", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 scan(s) stored, 0 refused, 2 pack(s) blocked", run.Output, StringComparison.Ordinal);
        var blocks = await InStore(s => s.Blocks.ListAsync(BlockFilter.All, new Paging(), Token));
        Assert.Equal(["BOX1", "BOX3"], blocks.Items.Select(b => b.Serial).Order(StringComparer.Ordinal));
        Assert.All(blocks.Items, b => Assert.True(b.IsActive));
    }

    [Fact]
    public async Task RedirectedProgress_SaysWhatIsCommittedAfterEachBatchAtMostOnceASecond()
    {
        string file = Write("scans.txt", string.Join('\n', Enumerable.Range(1, 5).Select(i => Pack(serial: $"BOX{i}"))));

        // Each reading of the clock moves it one second on: every batch is worth a line.
        var moving = await Run(["import-scans", file, "--batch", "2", "--database", Database], clock: new FakeTimeProvider(Some.Today) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });
        var still = await Run(["import-scans", file, "--batch", "2", "--database", Path.Combine(_folder, "other.db")]);

        Assert.Equal(0, moving.ExitCode);
        Assert.Equal(["2", "4", "5"], Committed().Matches(moving.Error).Select(m => m.Groups[1].Value));
        Assert.Contains("(2 stored, 0 refused, 0 pack(s) blocked), ", moving.Error, StringComparison.Ordinal);
        Assert.Matches(@"of 0\.0 MB, \d+ scans/s", moving.Error);
        Assert.Matches(@"5 scan\(s\) stored, 0 refused, 0 pack\(s\) blocked, in \d+\.\d s \(\d+ scans/s\)\.", moving.Output);

        // Within the same second, only the first batch is reported.
        Assert.Equal(["2"], Committed().Matches(still.Error).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("\r", moving.Error + still.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardInput_IsReadWhenTheFileIsADash()
    {
        var run = await Run(["import-scans", "-", "--database", Database], $"code\n{Pack(serial: "BOX1")}\n{Pack(serial: "BOX2")}\n");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("stdin: lines 1-3 (CSV): 2 scan(s) stored", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await StoredScans()).Count);
    }

    [Fact]
    public async Task CsvOnStandardInput_IsRecognisedDespiteAByteOrderMark()
    {
        var run = await Run(["import-scans", "-", "--database", Database], $"\uFEFFcode;operator\n{Pack(serial: "BOX1")};Léa\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Léa", Assert.Single(await StoredScans()).Scan.Operator);
    }

    [Fact]
    public async Task FromLine_SkipsTheLinesBeforeButStillReadsTheCsvHeader()
    {
        string file = Write("scans.csv", $"code,workstation\n{Pack(serial: "BOX1")},a\n{Pack(serial: "BOX2")},b\n{Pack(serial: "BOX3")},c\n");

        var run = await Import(file, "--from-line", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("scans.csv: lines 3-4 (CSV): 2 scan(s) stored", run.Output, StringComparison.Ordinal);
        Assert.Equal([("BOX2", "b"), ("BOX3", "c")], (await StoredScans()).Select(s => (s.Scan.Serial, s.Scan.Workstation)));
    }

    [Fact]
    public async Task AnImportThatStopped_IsPointedOutAndAFinishedOneIsNotResumed()
    {
        string file = Write("scans.txt", string.Join('\n', Enumerable.Range(1, 4).Select(i => Pack(serial: $"BOX{i}"))));
        await InStore(async s =>
        {
            // As an import killed after its batch of lines 1-2 leaves it.
            await s.Checkpoints.SetAsync(ScanImport.KeyOf(file), "2", Token);
            return 0;
        });

        var again = await Import(file);
        var done = await Import(file, "--resume");

        Assert.Contains("note: an earlier import of scans.txt stopped after line 2", again.Error, StringComparison.Ordinal);
        Assert.StartsWith("scans.txt: lines 1-4: 4 scan(s) stored", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, done.ExitCode);
        Assert.StartsWith("scans.txt: already imported to the end (line 4) on ", done.Output, StringComparison.Ordinal);
        Assert.Equal(4, (await StoredScans()).Count);
    }

    [Fact]
    public async Task Resume_StartsAtTheLineAfterTheCheckpoint()
    {
        string file = Write("scans.txt", string.Join('\n', Enumerable.Range(1, 4).Select(i => Pack(serial: $"BOX{i}"))));
        await InStore(async s =>
        {
            await s.Checkpoints.SetAsync(ScanImport.KeyOf(file), "2", Token);
            return 0;
        });

        var resumed = await Import(file, "--resume");

        Assert.Equal(0, resumed.ExitCode);
        Assert.StartsWith("scans.txt: lines 3-4: 2 scan(s) stored", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(["BOX3", "BOX4"], (await StoredScans()).Select(s => s.Scan.Serial));
    }

    [Theory]
    [InlineData("--batch", "0", "--batch must be between 1 and 50000.")]
    [InlineData("--batch", "50001", "--batch must be between 1 and 50000.")]
    [InlineData("--from-line", "0", "--from-line counts lines from 1.")]
    [InlineData("--gs", "", "--gs needs a non-empty substitute.")]
    public async Task BadOptions_AreUsageErrors(string option, string value, string message)
    {
        var run = await Import(Write("scans.txt", Pack()), option, value);

        Assert.Equal((2, $"recallhub import-scans: {message}"), (run.ExitCode, run.Error.Trim()));
    }

    [Fact]
    public async Task UnknownEventOption_IsAUsageError()
    {
        var run = await Import(Write("scans.txt", Pack()), "--event", "sale");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task MissingFileResumeFromStandardInputAndAColumnNamedTwice_AreUsageErrors()
    {
        var missing = await Import(Path.Combine(_folder, "nope.txt"));
        var stdinResume = await Import("-", "--resume");
        var twice = await Import(Write("scans.csv", "code,event,Code\n"));

        Assert.Equal((2, true), (missing.ExitCode, missing.Error.Contains("does not exist", StringComparison.Ordinal)));
        Assert.Equal((2, true), (stdinResume.ExitCode, stdinResume.Error.Contains("--resume needs a file", StringComparison.Ordinal)));
        Assert.Equal("recallhub import-scans: scans.csv: line 1: the header names the column 'Code' twice.", twice.Error.Trim());
        Assert.Equal(2, twice.ExitCode);
    }

    /// <summary>
    /// The crash test: the real process is killed (SIGKILL) once it has acknowledged a committed batch. Every
    /// acknowledged scan is in the store, no batch is half stored, the file opens cleanly, and the import resumes.
    /// </summary>
    [Fact]
    public async Task KilledImport_KeepsEveryCommittedBatchWholeAndResumesFromTheCheckpoint()
    {
        const int lines = 60_000;
        const int batch = 1_000;
        string file = Path.Combine(_folder, "big.txt");
        await File.WriteAllTextAsync(file, GeneratedScans(lines), Token);

        long acknowledged;
        using (var process = StartRecallHub("import-scans", file, "--database", Database, "--batch", batch.ToString(CultureInfo.InvariantCulture)))
        {
            acknowledged = await FirstAcknowledgedLine(process);
            process.Kill();
            await process.WaitForExitAsync(Token);
        }

        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync(Token);
            using var check = new SqliteCommand("PRAGMA integrity_check;", connection);
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(Token));
        }

        var (stored, checkpoint, migrated) = await ReadStoreAfterCrash(file);
        Assert.Empty(migrated);
        Assert.True(ScanImport.TryReadCheckpoint(checkpoint!, out long committed, out _), checkpoint);
        Assert.True(committed >= acknowledged, $"line {acknowledged} was acknowledged, the store says {committed}");
        Assert.True(committed % batch == 0 || committed == lines, $"checkpoint {committed} is not at a batch boundary");
        Assert.Equal(committed, stored);

        var resumed = await Import(file, "--from-line", (committed + 1).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, resumed.ExitCode);
        Assert.StartsWith($"big.txt: lines {committed + 1}-{lines}: {lines - committed} scan(s) stored, 0 refused", resumed.Output, StringComparison.Ordinal);
        using var after = new SqliteConnection($"Data Source={Database};Pooling=False");
        await after.OpenAsync(Token);
        using var count = new SqliteCommand("SELECT COUNT(*), COUNT(DISTINCT serial) FROM pack_scans;", after);
        using var reader = await count.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal((lines, lines), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    /// <summary>Ctrl+C (SIGINT) stops after the batch in flight and says from which line to resume.</summary>
    [Fact]
    public async Task InterruptedImport_StopsAfterTheBatchInFlightAndSaysWhereToResume()
    {
        const int lines = 100_000;
        string file = Path.Combine(_folder, "big.txt");
        await File.WriteAllTextAsync(file, GeneratedScans(lines), Token);

        using var process = StartRecallHub("import-scans", file, "--database", Database, "--batch", "500");
        var error = new StringBuilder();
        await FirstAcknowledgedLine(process, error);
        using (var signal = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(Token);
        }

        error.Append(await process.StandardError.ReadToEndAsync(Token));
        string output = await process.StandardOutput.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);

        Assert.Equal(ImportScansCommand.Interrupted, process.ExitCode);
        var stopped = Regex.Match(error.ToString(), @"stopped\. Lines up to (\d+) are committed, nothing after; to resume, run again with --from-line (\d+) \(or --resume\)\.");
        Assert.True(stopped.Success, error.ToString());
        long committed = long.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(committed + 1, long.Parse(stopped.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Contains($"big.txt: lines 1-{committed}: {committed} scan(s) stored", output, StringComparison.Ordinal);
        var (stored, checkpoint, _) = await ReadStoreAfterCrash(file);
        Assert.Equal((committed, committed.ToString(CultureInfo.InvariantCulture)), (stored, checkpoint));
    }

    private async Task<(long Stored, string? Checkpoint, IReadOnlyList<int> Migrated)> ReadStoreAfterCrash(string file)
    {
        using var store = await SqliteRecallHubStore.OpenAsync(Database, Some.Clock(), cancellationToken: Token);
        await using var session = await store.OpenSessionAsync(Token);
        long stored = await session.Scans.CountAsync(Token);
        var checkpoint = await session.Checkpoints.GetAsync(ScanImport.KeyOf(file), Token);
        return (stored, checkpoint?.Checkpoint, store.AppliedMigrations);
    }

    /// <summary>Reads standard error until the process acknowledges a committed batch.</summary>
    private static async Task<long> FirstAcknowledgedLine(Process process, StringBuilder? seen = null)
    {
        while (await process.StandardError.ReadLineAsync(Token) is { } line)
        {
            seen?.AppendLine(line);
            if (Committed().Match(line) is { Success: true } match)
            {
                return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"The import acknowledged no batch (exit code {(process.HasExited ? process.ExitCode : -1)}): {await process.StandardOutput.ReadToEndAsync(Token)}");
        return 0;
    }

    private static Process StartRecallHub(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "recallhub.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>
    /// Medicine boxes as a wholesaler delivery brings them: 500 CIP13 products (valid check digits), 10 lots each,
    /// expiry by lot, a distinct serial per box; GS written as <c>\x1d</c>.
    /// </summary>
    private static string GeneratedScans(int count)
    {
        var text = new StringBuilder(count * 56);
        for (int n = 0; n < count; n++)
        {
            int product = n % 500;
            int lot = (n / 500) % 10;
            string body = "34009" + (1_000_000 + (product * 37)).ToString("D7", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"]d2010{body}{Gs1CheckDigit.Compute(body)}17{28 + (lot / 5)}{(lot % 12) + 1:D2}28")
                .Append(CultureInfo.InvariantCulture, $"10{(char)('A' + lot)}{product:D5}\\x1d21SN{n:D9}\n");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
