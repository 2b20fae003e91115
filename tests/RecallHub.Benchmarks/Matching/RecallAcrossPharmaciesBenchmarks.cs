using BenchmarkDotNet.Attributes;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Matching;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// The reverse path on a multi-pharmacy PostgreSQL store: a new recall arrives; which packs of which pharmacies does it
/// concern? The database (<see cref="PharmaciesDatabase"/>) holds 1 000 pharmacies × 100 000 scans; the recall names
/// one product × 2 lots that every pharmacy holds. Measured, in a <see cref="PharmacyScope.All"/> session as the
/// engine opens it: <see cref="IScanStore.FindHoldingsAsync"/>, then <see cref="StoredPackMatcher.MatchingPacks"/>.
/// Needs <c>RECALLHUB_BENCH_POSTGRES</c> (<c>Load/bench-postgres.sh</c>); <c>RECALLHUB_BENCH_PHARMACIES</c> picks a
/// smaller dataset.
/// </summary>
[MemoryDiagnoser]
public class RecallAcrossPharmaciesBenchmarks
{
    private const int RecalledProduct = 123;
    private static readonly int[] RecalledLots = [1, 2];

    private PostgreSqlRecallHubStore? _store;
    private IStoreSession? _session;
    private RecalledProduct _twoLots = null!;
    private RecalledProduct _everyLot = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        int pharmacies = PharmaciesDatabase.PharmaciesFromEnvironment();
        string connectionString = await PharmaciesDatabase.EnsureAsync(pharmacies, Console.Out);
        _store = await PostgreSqlRecallHubStore.OpenAsync(connectionString, TimeProvider.System);
        _session = await _store.OpenSessionAsync(PharmacyScope.All);

        // As ANSM lists them: the first lot with its expiry month.
        _twoLots = new RecalledProduct(
            CodeScheme.Cip13,
            PharmaciesDatabase.Cip13(RecalledProduct),
            null,
            new LotSelector { Lots = [.. RecalledLots.Select((l, i) => new LotEntry(PharmaciesDatabase.Lot(RecalledProduct, l), i == 0 ? PharmaciesDatabase.Expiry(l) : null))] });
        _everyLot = new RecalledProduct(CodeScheme.Cip13, PharmaciesDatabase.Cip13(RecalledProduct + 1), null, LotSelector.All);

        // Per pharmacy and lot: 5 boxes and the lot's packs without serial; and per pharmacy the plain EAN-13 of unknown lot.
        int perLot = PharmaciesDatabase.BoxesPerLot + 1;
        // The first calls read pages no earlier query of this process touched: timed apart, as a colder figure.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int twoLots = await MatchTwoLots();
        double firstTwoLots = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        int everyLot = await MatchEveryLot();
        Console.WriteLine($"// {pharmacies} pharmacies: one product × 2 lots matches {twoLots} packs (first call {firstTwoLots:F0} ms), one product, every lot, {everyLot} (first call {watch.Elapsed.TotalMilliseconds:F0} ms)");
        if (twoLots != pharmacies * ((RecalledLots.Length * perLot) + 1) || everyLot != pharmacies * ((PharmaciesDatabase.LotsPerProduct * perLot) + 1))
        {
            throw new InvalidOperationException("The benchmark's recall does not match the expected packs: delete the database to build it again.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "All pharmacies, one product × 2 lots: FindHoldingsAsync + MatchingPacks")]
    public Task<int> MatchTwoLots() => MatchAsync(_twoLots);

    [Benchmark(Description = "All pharmacies, one product, every lot (all_lots)")]
    public Task<int> MatchEveryLot() => MatchAsync(_everyLot);

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
