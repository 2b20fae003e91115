using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Plugins;
using RecallHub.Sources.RappelConso;

namespace RecallHub.Benchmarks.Sources;

/// <summary>
/// The RappelConso plugin's <see cref="RappelConsoSource.Parse"/> on what a first pull reads: the whole dataset's
/// <c>exports/json</c>, 20 000 made-up records (<see cref="RappelConsoExport"/>), and one 100-record page of a later
/// pull. Goal: the whole export under 2 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class RappelConsoParsingBenchmarks
{
    /// <summary>About the size of the real dataset, with room to grow.</summary>
    public const int ExportRecords = 20_000;

    private const int Seed = 20_261_124;

    private readonly RappelConsoSource _source = new();
    private SourcePayload _export = null!;
    private SourcePayload _page = null!;

    [GlobalSetup]
    public void Generate()
    {
        _export = new SourcePayload(RappelConsoExport.Generate(ExportRecords, Seed), "application/json");
        _page = new SourcePayload(RappelConsoExport.Generate(100, Seed + 1), "application/json");
    }

    [Benchmark(Baseline = true, Description = "Parse: whole export, 20 000 records")]
    public int ParseExport() => _source.Parse(_export).Count;

    [Benchmark(Description = "Parse: one records page, 100 records")]
    public int ParsePage() => _source.Parse(_page).Count;
}
