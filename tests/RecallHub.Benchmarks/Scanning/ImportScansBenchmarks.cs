using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RecallHub.Benchmarks.Scanning;

/// <summary>
/// <c>recallhub import-scans</c> end to end, as a pharmacy would run it: the real executable (build it first:
/// <c>dotnet build host/RecallHub.Host -c Release</c>) imports <see cref="Scans"/> generated pack scans
/// (<see cref="GeneratedScanFile"/>) into a new SQLite file holding 3 active recalls, through the engine (parse, store,
/// check against the recalls, block). One operation is one scan: scans per second = 1 / mean. Goal: 50 000 scans/s.
/// </summary>
/// <remarks>Process start (about 0.2 s) is included; against a million scans it weighs under 1 %.</remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
public class ImportScansBenchmarks
{
    /// <summary>Scans per import.</summary>
    public const int Scans = 1_000_000;

    private string _executable = "";
    private string _scans = "";
    private string _folder = "";
    private string _notices = "";

    /// <summary>Scans per transaction (<c>--batch</c>).</summary>
    [Params(5_000, 20_000)]
    public int Batch { get; set; }

    private string Database => Path.Combine(_folder, "hub.db");

    [GlobalSetup]
    public void Setup()
    {
        _executable = Executable();
        _scans = GeneratedScanFile.Ensure(Scans);
        _folder = Path.Combine(Path.GetTempPath(), "recallhub-benchmarks", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);

        // Every lot of one product, two lots of two others: a few thousand of the imported boxes get blocked.
        _notices = Path.Combine(_folder, "recalls.json");
        File.WriteAllText(_notices, "[" + string.Join(",", new[] { (1_234, (int[]?)null), (9_876, [0, 3]), (17_001, [5, 9]) }.Select(r => Notice(r.Item1, r.Item2))) + "]");
    }

    [IterationSetup]
    public void NewStore()
    {
        foreach (string file in Directory.GetFiles(_folder, "hub.db*"))
        {
            File.Delete(file);
        }

        Run("ingest", _notices, "--database", Database);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(OperationsPerInvoke = Scans, Description = "import-scans, 1 M DataMatrix lines into a new store")]
    public string Import() => Run("import-scans", _scans, "--database", Database, "--batch", Batch.ToString(CultureInfo.InvariantCulture));

    private string Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_executable);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"recallhub {args[0]} exited with {process.ExitCode}: {output}{error.Result}");
        }

        // The command's own summary (stored, refused, blocked, rate) goes to the benchmark's log.
        Console.WriteLine($"// {output.Trim()}");
        return output;
    }

    private static string Notice(int product, int[]? lots)
    {
        string selector = lots is null
            ? """{ "all_lots": true }"""
            : "{ \"lots\": [" + string.Join(", ", lots.Select(l => $"{{ \"lot\": \"{GeneratedScanFile.Lot(product, l)}\" }}")) + "] }";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            { "source": "ansm", "source_id": "bench-{{product}}", "kind": "lot_recall", "published_at": "2026-11-20T08:00:00+01:00",
              "title": "Rappel {{product}}", "products": [{ "code_scheme": "cip13", "code": "{{GeneratedScanFile.Cip13(product)}}", "label": null, "selector": {{selector}} }] }
            """);
    }

    // The benchmark runs from a folder BenchmarkDotNet generates under bin/: find the repository by its global.json.
    private static string Executable()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "global.json")))
            {
                string path = Path.Combine(folder.FullName, "host", "RecallHub.Host", "bin", "Release", "net10.0", "recallhub.dll");
                return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: dotnet build host/RecallHub.Host -c Release");
            }
        }

        throw new InvalidOperationException("No global.json above the benchmark: run it from the repository.");
    }
}
