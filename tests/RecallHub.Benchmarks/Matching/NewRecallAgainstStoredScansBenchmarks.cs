using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// The reverse path: a new recall arrives; which of the packs the pharmacy holds or held does it concern? The store
/// holds 10 000 000 scans (<see cref="StoredScansDatabase"/>: 20 000 products × 10 lots, half serialised); the recall
/// names 3 of those products × 4 lots. Measured: <see cref="IScanStore.FindHoldingsAsync"/> for each product, then
/// <see cref="StoredPackMatcher.MatchingPacks"/> on its holdings. Goal: under 50 ms for the whole recall.
/// </summary>
[MemoryDiagnoser]
public class NewRecallAgainstStoredScansBenchmarks
{
    private static readonly int[] RecalledProducts = [1_234, 9_876, 17_001];
    private static readonly int[] RecalledLots = [1, 3, 5, 7];

    private SqliteRecallHubStore? _store;
    private IStoreSession? _session;
    private RecalledProduct[] _products = [];
    private RecalledProduct _everyLot = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string path = await StoredScansDatabase.EnsureAsync(Console.Out);
        _store = await SqliteRecallHubStore.OpenAsync(path, TimeProvider.System);
        _session = await _store.OpenSessionAsync();

        // As ANSM lists them: every other lot with its expiry month.
        _products = [.. RecalledProducts.Select(p => new RecalledProduct(
            CodeScheme.Cip13,
            StoredScansDatabase.Cip13(p),
            null,
            new LotSelector { Lots = [.. RecalledLots.Select((l, i) => new LotEntry(StoredScansDatabase.Lot(p, l), i % 2 == 0 ? StoredScansDatabase.Expiry(l) : null))] }))];
        _everyLot = new RecalledProduct(CodeScheme.Cip13, StoredScansDatabase.Cip13(4_321), null, LotSelector.All);

        if (await _session.Scans.CountAsync() != StoredScansDatabase.Scans)
        {
            throw new InvalidOperationException($"The benchmark's store at {path} does not hold {StoredScansDatabase.Scans} scans; delete it to build it again.");
        }

        // Per product: 4 lots × (13 boxes + 1 lot without serial), and the plain EAN-13 scans of unknown lot.
        int perProduct = (RecalledLots.Length * (StoredScansDatabase.BoxesPerLot + 1)) + 1;
        if (await MatchRecall() != RecalledProducts.Length * perProduct
            || await MatchOneProduct() != perProduct
            || await MatchEveryLotOfOneProduct() != (StoredScansDatabase.LotsPerProduct * (StoredScansDatabase.BoxesPerLot + 1)) + 1)
        {
            throw new InvalidOperationException("The benchmark's recall does not match the expected packs.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        _store?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "New recall, 3 products × 4 lots: FindHoldingsAsync + MatchingPacks")]
    public async Task<int> MatchRecall()
    {
        int matched = 0;
        foreach (var product in _products)
        {
            matched += await MatchAsync(product);
        }

        return matched;
    }

    [Benchmark(Description = "One product × 4 lots")]
    public Task<int> MatchOneProduct() => MatchAsync(_products[0]);

    [Benchmark(Description = "One product, every lot (all_lots)")]
    public Task<int> MatchEveryLotOfOneProduct() => MatchAsync(_everyLot);

    private async Task<int> MatchAsync(RecalledProduct product)
    {
        var lots = product.Selector.AllLots ? null : product.Selector.Lots.Select(l => l.Lot).ToList();
        var holdings = await _session!.Scans.FindHoldingsAsync(ProductKeys.Of(product.CodeScheme, product.Code), lots);
        var packs = new PackIdentity[holdings.Count];
        for (int i = 0; i < packs.Length; i++)
        {
            var h = holdings[i];
            packs[i] = new PackIdentity(h.ProductKey, h.Lot, h.Serial, h.Expiry, h.ProductionDate);
        }

        return StoredPackMatcher.MatchingPacks(product, packs).Count;
    }
}
