using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Engine;
using RecallHub.Core.Events;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage.PostgreSql;

namespace RecallHub.Benchmarks.Matching;

/// <summary>
/// A new recall ingested through the engine as the host does it (<see cref="IngestNotices"/> sent through the
/// mediator, one transaction): the notice stored, the packs of every pharmacy found and matched, the blocks placed and
/// one <c>stock_blocked</c> event per block written to the outbox of one sink, then the counter's index refreshed. On
/// <see cref="PharmaciesDatabase"/> (1 000 pharmacies × 100 000 scans); each iteration is a new recall of one product
/// × 2 lots (an odd and an even one) that no earlier iteration named, so it places blocks in every pharmacy: per
/// pharmacy 2 boxes in stock per lot, the even lot's packs without serial and the plain EAN-13 of unknown lot (a
/// manual check), 6 blocks. On 2026-11-30 it placed 4 002, not 6 000: <c>RecallExposure.FindAsync</c> keeps one pack
/// per (product, lot, serial) across pharmacies, so the packs without serial are blocked in one pharmacy only (see
/// docs/benchmarks.md). The blocks and events stay in the database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RecallIngestionAcrossPharmaciesBenchmarks
{
    private ServiceProvider? _services;
    private IMediator _mediator = null!;
    private IngestNotices _next = null!;
    private int _first;
    private int _iteration;
    private IngestReport? _last;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        int pharmacies = PharmaciesDatabase.PharmaciesFromEnvironment();
        string connectionString = await PharmaciesDatabase.EnsureAsync(pharmacies, Console.Out);
        var store = await PostgreSqlRecallHubStore.OpenAsync(connectionString, TimeProvider.System);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRecallHubEngine(store, new HubSinks(["lgo"]));
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Singleton);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _mediator = _services.GetRequiredService<IMediator>();

        // Products not recalled by an earlier run of this benchmark on this database.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM recall_links WHERE source = 'bench-ingest';", connection);
        _first = (int)(long)(await count.ExecuteScalarAsync())!;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [IterationSetup]
    public void NextRecall()
    {
        int n = _first + _iteration++;
        int product = (n * 7) % PharmaciesDatabase.Products;
        int odd = ((n / PharmaciesDatabase.Products) % 5 * 2) + 1;
        var notice = new RecallNotice
        {
            Source = "bench-ingest",
            SourceId = $"bench-ingest-{n}",
            Title = $"Rappel de lots n° {n}",
            AlertNumber = $"MED26/BENCH/{n:D5}",
            PublishedAt = TimeProvider.System.GetUtcNow(),
            Actions = ["Mettre en quarantaine", "Retourner au laboratoire"],
            Products =
            [
                new RecalledProduct(CodeScheme.Cip13, PharmaciesDatabase.Cip13(product), null, new LotSelector
                {
                    Lots = [new LotEntry(PharmaciesDatabase.Lot(product, odd), PharmaciesDatabase.Expiry(odd)), new LotEntry(PharmaciesDatabase.Lot(product, odd - 1))],
                }),
            ],
        };
        _next = new IngestNotices([notice], "bench");
    }

    [IterationCleanup]
    public void Report() =>
        Console.WriteLine($"// {_next.Notices[0].SourceId}: {_last?.BlocksPlaced} blocks placed, {_last?.Notices[0].Upsert.Outcome}");

    [Benchmark(Description = "IngestNotices: a new recall, one product × 2 lots, every pharmacy (blocks and outbox events included)")]
    public async Task<int> Ingest()
    {
        _last = await _mediator.Send(_next);
        return _last.BlocksPlaced;
    }
}
