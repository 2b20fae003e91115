using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.FollowUp;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Core.Tenancy;
using RecallHub.Host.Digest;
using RecallHub.Host.Engine;
using RecallHub.Host.Tenancy;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;
using RecallHub.Host.Web.Dashboard;
using static RecallHub.Host.Tests.Tenancy.HubTenancyTests;

namespace RecallHub.Host.Tests.Tenancy;

/// <summary>
/// Two pharmacies, A and B, on one multi-pharmacy store, each with its own API key, and a hub operator's key: nothing
/// of one pharmacy reaches the other through the API, the checker, the dashboard or the digest, while a recall reaches
/// both. A store that keeps several pharmacies apart runs these by deriving a class that opens it.
/// </summary>
public abstract class MultiPharmacyIsolationTests : IAsyncLifetime
{
    private const string KeyA = "pharmacy-a-key-0123456789abc";
    private const string KeyB = "pharmacy-b-key-0123456789abc";
    private const string OperatorKey = "operator-key-0123456789abcdef";
    private const string Sink = "probe";

    private static readonly PharmacyScope ScopeA = PharmacyScope.Of(FinessNumber.Parse(PharmacyA));
    private static readonly PharmacyScope ScopeB = PharmacyScope.Of(FinessNumber.Parse(PharmacyB));

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Some.Clock();
    private IRecallHubStore? _store;
    private WebApplication? _app;
    private HttpClient? _http;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IRecallHubStore Store => _store ?? throw new InvalidOperationException("Not started.");

    private static Dictionary<string, string?> Settings => new()
    {
        ["Hub:Pharmacies:0:Finess"] = PharmacyA,
        ["Hub:Pharmacies:0:Name"] = "Pharmacie A",
        ["Hub:Pharmacies:1:Finess"] = PharmacyB,
        ["Hub:Pharmacies:1:Name"] = "Pharmacie B",
        ["Hub:ApiKeys:0:Name"] = "pharmacy-a",
        ["Hub:ApiKeys:0:Key"] = KeyA,
        ["Hub:ApiKeys:0:Scopes:0"] = "admin",
        ["Hub:ApiKeys:0:Pharmacy"] = PharmacyA,
        ["Hub:ApiKeys:1:Name"] = "pharmacy-b",
        ["Hub:ApiKeys:1:Key"] = KeyB,
        ["Hub:ApiKeys:1:Scopes:0"] = "admin",
        ["Hub:ApiKeys:1:Pharmacy"] = PharmacyB,
        ["Hub:ApiKeys:2:Name"] = "operator",
        ["Hub:ApiKeys:2:Key"] = OperatorKey,
        ["Hub:ApiKeys:2:Scopes:0"] = "admin",
    };

    public async ValueTask InitializeAsync()
    {
        _store = await OpenMultiPharmacyStoreAsync(_clock);
        Assert.True(_store.IsMultiPharmacy, "The store under test must keep several pharmacies apart.");
        _app = HubWebApplication.Build("http://127.0.0.1:0", _clock, store: _store, configuration: Settings);
        await _app.StartAsync(Token);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(Token);
            await _app.DisposeAsync();
        }

        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }

        await ReleaseAsync();

        GC.SuppressFinalize(this);
    }

    /// <summary>Opens an empty store that keeps several pharmacies apart; it is disposed after each test.</summary>
    /// <param name="time">The test's clock, for the times the store records itself.</param>
    protected abstract Task<IRecallHubStore> OpenMultiPharmacyStoreAsync(TimeProvider time);

    /// <summary>Releases what the store was opened on (a database), after the store is disposed.</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PharmacyB_SeesNoneOfPharmacyAsBlocks_AndCannotReadOrLiftOne()
    {
        long blockId = await RecallBlocksAPackOfAAsync();

        var listB = await GetAsync("/api/v1/blocks?state=all", KeyB);
        var getB = await GetAsync($"/api/v1/blocks/{blockId}", KeyB);
        var liftB = await PostAsync($"/api/v1/blocks/{blockId}/lift", new { by = "Dr B", reason = "pas chez nous" }, KeyB);
        var getA = await GetAsync($"/api/v1/blocks/{blockId}", KeyA);

        Assert.Equal(0, listB.Body.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, getB.Status);
        Assert.Equal(HttpStatusCode.NotFound, liftB.Status);
        Assert.True(getA.Body.GetProperty("active").GetBoolean(), "B's lift attempt must leave A's block holding.");
    }

    [Fact]
    public async Task PharmacyB_CheckOfTheSamePack_GetsItsOwnVerdict_NotAsLift()
    {
        long blockId = await RecallBlocksAPackOfAAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/api/v1/blocks/{blockId}/lift", new { by = "Dr A", reason = "Boîte retournée" }, KeyA)).Status);

        var checkA = await PostAsync("/api/v1/check", new { code = Some.DataMatrix() }, KeyA);
        var checkB = await PostAsync("/api/v1/check", new { code = Some.DataMatrix() }, KeyB);

        Assert.Equal("allow", checkA.Body.GetProperty("verdict").GetString());
        Assert.Equal("block", checkB.Body.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task PharmacyB_RecallDetail_ShowsNoneOfAsBlocksOrFollowUp()
    {
        await RecallBlocksAPackOfAAsync();
        long recallId = await RecallIdAsync();
        await _app!.Services.GetRequiredService<IMediator>().Send(new AcknowledgeRecall(recallId, "Dr A") { Scope = ScopeA }, Token);

        var detailA = await GetAsync($"/api/v1/recalls/{recallId}", KeyA);
        var detailB = await GetAsync($"/api/v1/recalls/{recallId}", KeyB);
        RecallFollowUp followUpB;
        await using (var session = await Store.OpenSessionAsync(ScopeB, Token))
        {
            followUpB = await session.FollowUp.GetAsync(recallId, Token);
        }

        Assert.Equal(1, detailA.Body.GetProperty("blocks").GetProperty("total").GetInt32());
        Assert.Equal(0, detailB.Body.GetProperty("blocks").GetProperty("total").GetInt32());
        Assert.Empty(followUpB.Acknowledgements);
    }

    [Fact]
    public async Task PharmacyBUser_CannotSignInToPharmacyA()
    {
        await using (var session = await Store.OpenSessionAsync(ScopeB, Token))
        {
            await session.Users.AddAsync("Claire Martin", UserRole.Pharmacist, DashboardPasswords.Hash("a-long-password"), _clock.GetUtcNow(), Token);
        }

        using var intoA = await SignInAsync(PharmacyA, "Claire Martin", "a-long-password");
        using var intoB = await SignInAsync(PharmacyB, "Claire Martin", "a-long-password");

        Assert.Equal(HttpStatusCode.Unauthorized, intoA.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, intoB.StatusCode);
    }

    [Fact]
    public async Task PharmacyB_Digest_ListsNoneOfAsStock_AndEachPharmacyGetsOneADay()
    {
        await RecallBlocksAPackOfAAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var digest = new DailyDigest(Store, new HubEventOutbox(new HubSinks([Sink]), _clock), DigestOptions.Default, DigestTemplates.Load(DigestTemplates.DefaultFolder), _clock, tenancy: HubTenancy.Read(configuration, multiPharmacy: true));

        var first = await digest.SendAllAsync(digest.Today, Token);
        var again = await digest.SendAllAsync(digest.Today, Token);
        DigestContent contentA, contentB;
        await using (var session = await Store.OpenSessionAsync(ScopeA, Token))
        {
            contentA = await DigestBuilder.BuildAsync(session, digest.Today, DigestOptions.Default.Time, null, Token);
        }

        await using (var session = await Store.OpenSessionAsync(ScopeB, Token))
        {
            contentB = await DigestBuilder.BuildAsync(session, digest.Today, DigestOptions.Default.Time, null, Token);
        }

        var events = (await EventsAsync()).Where(e => e.Type == HubEventType.DailyDigest).ToList();

        Assert.All(first, r => Assert.Equal(DigestSendOutcome.Sent, r.Outcome));
        Assert.All(again, r => Assert.Equal(DigestSendOutcome.AlreadySent, r.Outcome));
        Assert.Single(contentA.Stock);
        Assert.Empty(contentB.Stock);
        Assert.Equal(new[] { PharmacyA, PharmacyB }.Order(StringComparer.Ordinal), events.Select(e => e.Pharmacy).Order(StringComparer.Ordinal));
        Assert.Contains("Pharmacie B", events.Single(e => e.Pharmacy == PharmacyB).Digest!.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecall_BlocksThePacksOfEveryPharmacyHoldingTheLot_EachEventCarryingItsPharmacy()
    {
        await using var engine = HubEngineServices.CreateForCommandLine(Store, new HubSinks([Sink]), _clock);
        var mediator = engine.GetRequiredService<IMediator>();
        await mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(serial: "SERIALA1"), PackEvent.Reception)]) { Scope = ScopeA }, Token);
        await mediator.Send(new RecordScans([new ScanSubmission(Some.DataMatrix(serial: "SERIALB1"), PackEvent.Reception)]) { Scope = ScopeB }, Token);

        var report = await mediator.Send(new IngestNotices([Some.Notice()], "test"), Token);
        var blocked = (await EventsAsync()).Where(e => e.Type == HubEventType.StockBlocked).ToList();

        Assert.Equal(2, report.BlocksPlaced);
        Assert.Equal(new[] { PharmacyA, PharmacyB }.Order(StringComparer.Ordinal), blocked.Select(e => e.Pharmacy).Order(StringComparer.Ordinal));
        Assert.Equal("SERIALA1", blocked.Single(e => e.Pharmacy == PharmacyA).Pack!.Serial);
        Assert.Equal("SERIALB1", blocked.Single(e => e.Pharmacy == PharmacyB).Pack!.Serial);
    }

    [Fact]
    public async Task ARecall_BlocksTheLotInEveryPharmacy_WhenTheBoxesWereScannedWithoutSerial()
    {
        // Regression: the packs were told apart by product, lot and serial only, so the same lot held by two
        // pharmacies without serials was blocked in one of them.
        await using var engine = HubEngineServices.CreateForCommandLine(Store, new HubSinks([Sink]), _clock);
        var mediator = engine.GetRequiredService<IMediator>();
        string withoutSerial = $"]d201{"0" + Some.Cip13}1728022910A53014";
        await mediator.Send(new RecordScans([new ScanSubmission(withoutSerial, PackEvent.Reception)]) { Scope = ScopeA }, Token);
        await mediator.Send(new RecordScans([new ScanSubmission(withoutSerial, PackEvent.Reception)]) { Scope = ScopeB }, Token);

        var report = await mediator.Send(new IngestNotices([Some.Notice()], "test"), Token);

        Assert.Equal(2, report.BlocksPlaced);
        foreach (var scope in new[] { ScopeA, ScopeB })
        {
            await using var session = await Store.OpenSessionAsync(scope, Token);
            var block = Assert.Single((await session.Blocks.ListAsync(BlockFilter.All, Paging.First, Token)).Items);
            Assert.Equal(("A53014", null), (block.Lot, block.Serial));
        }
    }

    // A scans a pack at reception, then a recall of its lot arrives from the hub operator: A's pack is blocked.
    private async Task<long> RecallBlocksAPackOfAAsync()
    {
        var scan = await PostAsync("/api/v1/scans", new { code = Some.DataMatrix(), @event = "reception" }, KeyA);
        Assert.Equal(HttpStatusCode.OK, scan.Status);
        var notice = await SendAsync(HttpMethod.Post, "/api/v1/notices", new StringContent(RecallNoticeJson.Serialize(Some.Notice()), Encoding.UTF8, "application/json"), OperatorKey);
        Assert.Equal(1, notice.Body.GetProperty("blocks_placed").GetInt32());
        var blocks = await GetAsync("/api/v1/blocks", KeyA);
        return blocks.Body.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    private async Task<long> RecallIdAsync() =>
        (await GetAsync("/api/v1/recalls", OperatorKey)).Body.GetProperty("items")[0].GetProperty("id").GetInt64();

    private async Task<List<HubEvent>> EventsAsync()
    {
        await using var session = await Store.OpenSessionAsync(PharmacyScope.All, Token);
        return [.. (await session.Outbox.TakeDueAsync(Sink, 1000, _clock.GetUtcNow().AddYears(1), Token)).Select(HubEventJson.Read)];
    }

    private async Task<HttpResponseMessage> SignInAsync(string finess, string name, string password)
    {
        using var form = await _http!.GetAsync(new Uri("/login", UriKind.Relative), Token);
        string token = Regex.Match(await form.Content.ReadAsStringAsync(Token), "name=\"__jeton\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token,
            ["retour"] = "/",
            ["finess"] = finess,
            ["nom"] = name,
            ["mot_de_passe"] = password,
        });
        return await _http.PostAsync(new Uri("/login", UriKind.Relative), content, Token);
    }

    private Task<ApiResponse> GetAsync(string path, string key) => SendAsync(HttpMethod.Get, path, null, key);

    private Task<ApiResponse> PostAsync(string path, object body, string key) =>
        SendAsync(HttpMethod.Post, path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), key);

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, string key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        using var response = await _http!.SendAsync(request, Token);
        string text = await response.Content.ReadAsStringAsync(Token);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
