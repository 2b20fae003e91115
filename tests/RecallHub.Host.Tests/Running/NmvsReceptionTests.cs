using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Core.Ingestion;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;
using RecallHub.Nmvs.Simulation;
using RecallHub.Sources.Nmvs;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// End to end: the hub under <c>recallhub run</c> with the real NMVS plugin, asking the simulator over TLS with a
/// client certificate. A "batch recalled" answer at reception blocks the other packs of that batch already in stock.
/// </summary>
public sealed class NmvsReceptionTests : IAsyncLifetime
{
    private const string Key = "pharmacist-key-0123456789abcdef";
    private const string PasswordVariable = "RECALLHUB_HOST_TEST_NMVS_PFX_PASSWORD";

    private readonly PluginFolders _folders = new();
    private readonly FakeTimeProvider _clock = Some.Clock();
    private readonly NmvsSource _nmvs = new();
    private NmvsSimulator? _simulator;
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;
    private HttpClient? _http;
    private HostPluginContext? _context;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var realNow = TimeProvider.System.GetUtcNow();
        using var ca = SimulatorCertificates.CreateCa("Host test CA", realNow);
        using var pharmacy = SimulatorCertificates.CreateClient(ca, "pharmacie-a", realNow);
        string caPath = Path.Combine(_folders.Root, "ca.crt");
        string pfxPath = Path.Combine(_folders.Root, "pharmacie-a.pfx");
        await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem(), Cancel);
        await File.WriteAllBytesAsync(pfxPath, pharmacy.Export(X509ContentType.Pkcs12, "pw"), Cancel);
        Environment.SetEnvironmentVariable(PasswordVariable, "pw");
        var seed = new SimulatorSeed
        {
            Products = [new SeedProduct("03400930270387", [new SeedBatch("R1", new DateOnly(2028, 6, 30), [new SeedPack("R1P1"), new SeedPack("R1P2")], Recalled: true)])],
        };
        _simulator = await NmvsSimulator.StartAsync(
            new NmvsSimulatorOptions { ServerCertificate = SimulatorCertificates.CreateServer(ca, realNow), ClientCa = X509CertificateLoader.LoadCertificate(ca.RawData) },
            new PackRegistry(seed, _clock),
            Cancel);

        _folders.WritePluginsJson("""{ "plugins": [] }""");
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), _clock, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        _app = HubWebApplication.Build("http://127.0.0.1:0", _clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = Key,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", Key);

        // Started as PluginStarter starts a loaded plugin: the host's context, state in the store, publishing through
        // the engine. Added later, by the test, so that a pack can reach the stock before NMVS is asked.
        string settings = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["endpoint"] = _simulator.Endpoint.ToString(),
            ["certificate"] = pfxPath,
            ["certificate_password"] = "env:" + PasswordVariable,
            ["server_ca"] = caPath,
        });
        var mediator = _app.Services.GetRequiredService<IMediator>();
        _context = new HostPluginContext(
            new PluginEntry("nmvs", "plugins/nmvs", true, null, JsonDocument.Parse(settings).RootElement.Clone(), null),
            _app.Services.GetRequiredService<ILoggerFactory>(),
            _clock,
            _app.Services.GetRequiredService<IHttpClientFactory>(),
            new StorePluginState(_store, "nmvs"),
            async (id, notices, ct) => await mediator.Send(new IngestNotices(notices, id), ct));
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await _nmvs.DisposeAsync();
        if (_app is not null)
        {
            await _app.StopAsync(Cancel);
            await _app.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        _catalog?.Dispose();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.Dispose();
    }

    [Fact]
    public async Task ABatchRecalledAnswerAtReception_BlocksTheOtherPacksOfThatBatchAlreadyInStock()
    {
        string inStock = Code("R1P2");
        var before = await ScanAsync(inStock);
        Assert.Equal("allow", before.GetProperty("verdict").GetString());

        await _nmvs.StartAsync(_context!, Cancel);
        _app!.Services.GetRequiredService<RunningPlugins>().AddSource(_nmvs, _context!);
        var received = await ScanAsync(Code("R1P1"));

        Assert.Equal("block", received.GetProperty("verdict").GetString());
        var verification = received.GetProperty("verification");
        Assert.Equal(("alert", "NMVS_FE_LOT_01"), (verification.GetProperty("status").GetString(), verification.GetProperty("code").GetString()));
        Assert.StartsWith("Le lot R1 de cette boîte a été rappelé", received.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var check = await _http!.PostAsJsonAsync(new Uri("/api/v1/check", UriKind.Relative), new { code = inStock }, Cancel);
        Assert.Equal("block", JsonDocument.Parse(await check.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("verdict").GetString());
        using var blocks = await _http!.GetAsync(new Uri("/api/v1/blocks", UriKind.Relative), Cancel);
        var items = JsonDocument.Parse(await blocks.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("items");
        Assert.Equal(["R1P1", "R1P2"], items.EnumerateArray().Select(b => b.GetProperty("serial").GetString()).Order(StringComparer.Ordinal));
        using var recalls = await _http!.GetAsync(new Uri("/api/v1/recalls?kind=verification_alert", UriKind.Relative), Cancel);
        Assert.Equal(1, JsonDocument.Parse(await recalls.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("total").GetInt32());
    }

    private static string Code(string serial) => $"]d201034009302703871728063010R1\u001d21{serial}";

    private async Task<JsonElement> ScanAsync(string code)
    {
        using var response = await _http!.PostAsJsonAsync(new Uri("/api/v1/scans", UriKind.Relative), new { code, @event = "reception" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("results")[0].Clone();
    }
}
