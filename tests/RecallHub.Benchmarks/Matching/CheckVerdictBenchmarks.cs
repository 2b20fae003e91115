using System.Globalization;
using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Identifiers;
using RecallHub.Abstractions.Identifiers.Gs1;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Checking;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// The counter's verdict (<c>POST /api/v1/check</c>, every new scan): is this pack concerned by an active recall?
/// The index holds 100 000 blocked lots: 20 000 CIP13 products × 5 lots, in 4 000 recalls of 5 products.
/// Goal: under 2 µs a check, nothing allocated when no recall concerns the pack.
/// </summary>
[MemoryDiagnoser]
public class CheckVerdictBenchmarks
{
    private const int Products = 20_000;
    private const int LotsPerProduct = 5;

    private ActiveRecallIndex _index = ActiveRecallIndex.Empty;
    private PackIdentity _concerned;
    private PackIdentity _otherLot;
    private PackIdentity _unknownProduct;
    private PackIdentity _plainEan13;
    private string _dataMatrix = "";
    private PackChecker _checker = new(ActiveRecallIndex.Empty, new Dictionary<long, RecallConcern>());
    private BarcodeReading _concernedReading = null!;
    private BarcodeReading _allowedReading = null!;

    [GlobalSetup]
    public void Setup()
    {
        var products = new List<IndexedProduct>(Products);
        for (int i = 0; i < Products; i++)
        {
            var lots = new LotEntry[LotsPerProduct];
            for (int j = 0; j < LotsPerProduct; j++)
            {
                // "A53014"-like lots; every other one printed with its expiry month, as ANSM notices do.
                int n = (i * LotsPerProduct) + j;
                string lot = (char)('A' + (n % 26)) + (n % 100_000).ToString("D5", CultureInfo.InvariantCulture);
                lots[j] = new LotEntry(lot, j % 2 == 0 ? new DateOnly(2028, 2, 1) : null);
            }

            products.Add(new IndexedProduct(i / 5, i % 5, new RecalledProduct(CodeScheme.Cip13, Cip13(i), null, new LotSelector { Lots = lots })));
        }

        _index = ActiveRecallIndex.Build(products);

        const int product = 12_345;
        string gtin = "0" + Cip13(product);
        string recalledLot = products[product].Product.Selector.Lots[2].Lot;
        _concerned = new PackIdentity(gtin, recalledLot, "7GH29KXW41Q", new DateOnly(2028, 2, 29));
        _otherLot = new PackIdentity(gtin, "Z99999", "7GH29KXW41Q", new DateOnly(2028, 2, 29));
        _unknownProduct = new PackIdentity("0" + Cip13(Products + 1), recalledLot, "7GH29KXW41Q", new DateOnly(2028, 2, 29));
        _plainEan13 = new PackIdentity(gtin);
        _dataMatrix = $"]d2{"01" + gtin}17280229" + $"10{recalledLot}\u001d217GH29KXW41Q";

        // The whole verdict as the counter gets it: French message, action, recalls, and 1 000 lifted blocks to look through.
        var recalls = Enumerable.Range(0, Products / 5).ToDictionary(
            id => (long)id,
            id => new RecallConcern(id, $"Rappel de lots n° {id}", $"MED26/A{id:D3}/B001", MatchOutcome.Concerned, ["Mettre en quarantaine", "Retourner au laboratoire"]));
        var lifted = Enumerable.Range(0, 1_000).Select(i => new StockBlock(
            i, i / 5, "0" + Cip13(i), "0" + Cip13(i), products[i].Product.Selector.Lots[0].Lot, $"SERIAL{i}", null, null, null, false,
            DateTimeOffset.UnixEpoch, "rappel", new BlockLift("Marie Dupont", "retourné au grossiste", DateTimeOffset.UnixEpoch)));
        _checker = new PackChecker(_index, recalls, new LiftedBlocks(lifted));
        _concernedReading = BarcodeReader.Read(_dataMatrix);
        _allowedReading = BarcodeReader.Read($"]d2{"01" + gtin}17280229" + "10Z99999\u001d217GH29KXW41Q");

        if (_checker.Check(_concernedReading).Verdict != CheckVerdict.Block || _checker.Check(_allowedReading).Verdict != CheckVerdict.Allow)
        {
            throw new InvalidOperationException("The benchmark's scans do not give the expected counter verdicts.");
        }

        if (_index.Check(_concerned).Count != 1 || _index.Check(_otherLot).Count != 0 || _index.Check(_unknownProduct).Count != 0
            || _index.Check(_plainEan13) is not [{ Outcome: MatchOutcome.CannotTell }])
        {
            throw new InvalidOperationException("The benchmark's packs do not give the expected verdicts.");
        }
    }

    [Benchmark(Baseline = true, Description = "Recalled lot: concerned")]
    public int Concerned() => _index.Check(_concerned).Count;

    [Benchmark(Description = "Recalled product, other lot")]
    public int OtherLot() => _index.Check(_otherLot).Count;

    [Benchmark(Description = "Unknown product")]
    public int UnknownProduct() => _index.Check(_unknownProduct).Count;

    [Benchmark(Description = "Plain EAN-13, no lot: cannot tell")]
    public int PlainEan13() => _index.Check(_plainEan13).Count;

    [Benchmark(Description = "DataMatrix text to verdict (BarcodeReader.Read + From + Check)")]
    public int ScanToVerdict() => PackIdentity.From(BarcodeReader.Read(_dataMatrix)) is { } pack ? _index.Check(pack).Count : -1;

    [Benchmark(Description = "Counter verdict, concerned (PackChecker.Check: message, action, lifts)")]
    public CheckVerdict CounterVerdictConcerned() => _checker.Check(_concernedReading).Verdict;

    [Benchmark(Description = "Counter verdict, allowed (PackChecker.Check)")]
    public CheckVerdict CounterVerdictAllowed() => _checker.Check(_allowedReading).Verdict;

    private static string Cip13(int n)
    {
        string body = "34009" + (1_000_000 + (n * 37)).ToString("D7", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.Compute(body).ToString(CultureInfo.InvariantCulture);
    }
}
