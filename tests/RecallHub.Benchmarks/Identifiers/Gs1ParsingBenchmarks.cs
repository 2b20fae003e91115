using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Benchmarks.Identifiers;

/// <summary>
/// Reading the DataMatrix of a French medicine pack (01 + 17 + 10 + 21) as a counter scan or a bulk import does.
/// Goal for the span API: at least 5 million parses a second on one core, nothing allocated.
/// </summary>
[MemoryDiagnoser]
public class Gs1ParsingBenchmarks
{
    private const string Pack = "]d2010340093027038717280229" + "10A53014\u001d217GH29KXW41Q";

    private readonly Gs1ElementRange[] _elements = new Gs1ElementRange[Gs1ElementStringParser.MaxElements];
    private readonly Gs1Error[] _errors = new Gs1Error[8];
    private readonly Gs1ParserOptions _options = new();
    private readonly BarcodeReaderOptions _readerOptions = new();

    [Benchmark(Baseline = true, Description = "Span API: Parse (01+17+10+21)")]
    public int SpanParse() => Gs1ElementStringParser.Parse(Pack, _elements, _errors, _options).ElementCount;

    [Benchmark(Description = "Friendly API: Gs1ElementStringParser.Read")]
    public BarcodeReading Read() => Gs1ElementStringParser.Read(Pack, _options);

    [Benchmark(Description = "Any scheme: BarcodeReader.Read")]
    public BarcodeReading ReadAnyScheme() => BarcodeReader.Read(Pack, _readerOptions);

    [Benchmark(Description = "Lenient, GS dropped (ambiguous)")]
    public BarcodeReading ReadLenient() => Gs1ElementStringParser.ReadLenient("]d2010340093027038717280229" + "10A53014217GH29KXW41Q", _options);
}
