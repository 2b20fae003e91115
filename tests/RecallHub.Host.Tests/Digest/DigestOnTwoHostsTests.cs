using Microsoft.Extensions.Configuration;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.PostgreSql;
using RecallHub.Host.Digest;
using RecallHub.Host.Tenancy;
using RecallHub.Host.Tests.Support;
using RecallHub.Tests.PostgreSql;

namespace RecallHub.Host.Tests.Digest;

/// <summary>
/// Two hosts on one PostgreSQL store send the day's digests at the same moment (a catch-up at start racing the
/// scheduled job of the other, say): each pharmacy still gets one digest that day.
/// </summary>
public sealed class DigestOnTwoHostsTests : IAsyncLifetime
{
    private const string Sink = "mail";
    private static readonly string[] Pharmacies = ["750712184", "690123450", "130000003"];

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Some.Clock();
    private readonly List<PostgreSqlRecallHubStore> _hosts = [];
    private string? _database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgreSqlServer.CreateDatabaseAsync();

        // One store object per host: two connection pools, as two processes would have.
        _hosts.Add(await PostgreSqlRecallHubStore.OpenAsync(_database, _clock, Token));
        _hosts.Add(await PostgreSqlRecallHubStore.OpenAsync(_database, _clock, Token));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    [Fact]
    public async Task EachPharmacyGetsOneDigestADay_WhenTwoHostsSendAtOnce()
    {
        var settings = new Dictionary<string, string?>();
        for (int i = 0; i < Pharmacies.Length; i++)
        {
            settings[$"Hub:Pharmacies:{i}:Finess"] = Pharmacies[i];
        }

        var tenancy = HubTenancy.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), multiPharmacy: true);
        var digests = _hosts.Select(store => new DailyDigest(
            store, new HubEventOutbox(new HubSinks([Sink]), _clock), DigestOptions.Default, DigestTemplates.Load(DigestTemplates.DefaultFolder), _clock, tenancy: tenancy)).ToList();

        // Several rounds, both hosts together each time: any overlap of the two claims would show as a second digest.
        var outcomes = new List<DigestSendOutcome>();
        for (int round = 0; round < 4; round++)
        {
            var both = await Task.WhenAll(digests.Select(d => Task.Run(() => d.SendAllAsync(d.Today, Token), Token)));
            outcomes.AddRange(both.SelectMany(r => r).Select(r => r.Outcome));
        }

        await using var session = await _hosts[0].OpenSessionAsync(PharmacyScope.All, Token);
        var sent = (await session.Outbox.TakeDueAsync(Sink, 1000, _clock.GetUtcNow().AddYears(1), Token))
            .Select(HubEventJson.Read)
            .Where(e => e.Type == HubEventType.DailyDigest)
            .ToList();

        Assert.Equal(Pharmacies.Order(StringComparer.Ordinal), sent.Select(e => e.Pharmacy!).Order(StringComparer.Ordinal));
        Assert.Equal(Pharmacies.Length, outcomes.Count(o => o == DigestSendOutcome.Sent));
        Assert.Equal((8 * Pharmacies.Length) - Pharmacies.Length, outcomes.Count(o => o == DigestSendOutcome.AlreadySent));
    }
}
