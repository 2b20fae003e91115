using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// Scans under <c>recallhub run</c> with a pack verifier (contract 1.1) running: the committed serialised packs are
/// handed to it and its answer reaches the counter — a pending or failed verification is never a silent allow.
/// </summary>
public sealed class PackVerificationsTests : IAsyncLifetime
{
    private const string Key = "reception-key-0123456789abcdef";
    private const string CounterKey = "counter-key-0123456789abcdefgh";

    private readonly PluginFolders _folders = new();
    private readonly FakeVerifier _verifier = new();
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;
    private HttpClient? _http;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var clock = Some.Clock();
        _folders.WritePluginsJson("""{ "plugins": [] }""");
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), clock, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        _app = HubWebApplication.Build("http://127.0.0.1:0", clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "reception",
            ["Hub:ApiKeys:0:Key"] = Key,
            ["Hub:ApiKeys:0:Scopes:0"] = "scan",
            ["Hub:ApiKeys:1:Name"] = "counter",
            ["Hub:ApiKeys:1:Key"] = CounterKey,
            ["Hub:ApiKeys:1:Scopes:0"] = "check",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);
        _app.Services.GetRequiredService<RunningPlugins>().AddSource(_verifier, new VerifierContext());
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(Cancel);
            await _app.DisposeAsync();
        }

        _catalog?.Dispose();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.Dispose();
    }

    [Fact]
    public async Task TheVerifier_GetsTheStoredSerialisedPacks_WithTheirScanIdsEventsLotsAndExpiries()
    {
        var results = await ScanAsync(Code("OK1"), "3400930270387");

        var pack = Assert.Single(Assert.Single(_verifier.Calls));
        Assert.Equal((PackScanEvent.Reception, "03400930270387", "OK1", "A53014", new DateOnly(2028, 2, 29), "reception-1"), (pack.Event, pack.Gtin, pack.Serial, pack.Lot, pack.Expiry, pack.Workstation));
        Assert.Equal(results[0].GetProperty("scan_id").GetInt64(), pack.ScanId);
        Assert.Equal(("allow", "verified"), (results[0].GetProperty("verdict").GetString(), results[0].GetProperty("verification").GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("verification").ValueKind); // a plain EAN-13 has no serial
    }

    [Fact]
    public async Task APendingVerification_IsAnExplicitVerdict_NotAnAllow()
    {
        var result = Assert.Single(await ScanAsync(Code("WAIT1")));

        Assert.Equal("verification_pending", result.GetProperty("verdict").GetString());
        Assert.Equal("pending", result.GetProperty("verification").GetProperty("status").GetString());
        Assert.StartsWith("Vérification NMVS en attente", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePendingPack_IsNotAllowedAtTheCounterEither_UntilItsVerificationAnswers()
    {
        await ScanAsync(Code("WAIT2"));

        var pending = await CheckAsync(Code("WAIT2"));
        var other = await CheckAsync(Code("OK2"));
        _verifier.Waiting.Clear();
        var answered = await CheckAsync(Code("WAIT2"));

        Assert.Equal("verification_pending", pending.GetProperty("verdict").GetString());
        Assert.StartsWith("La vérification nationale de cette boîte (fake-nmvs) est en attente", pending.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("allow", "allow"), (other.GetProperty("verdict").GetString(), answered.GetProperty("verdict").GetString()));
    }

    [Fact]
    public async Task AnAlert_BlocksAtTheCounter_WithItsCode()
    {
        var result = Assert.Single(await ScanAsync(Code("ALERT1")));

        Assert.Equal("block", result.GetProperty("verdict").GetString());
        Assert.Equal(("alert", "NMVS_NC_PCK_22"), (result.GetProperty("verification").GetProperty("status").GetString(), result.GetProperty("verification").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task AnAlert_ComesWithTheBoxsOwnHistory_SoAFalseAlertCanBeExplained()
    {
        var results = await ScanAsync(Code("ALERT2"), Code("ALERT2"));

        var history = results[1].GetProperty("verification").GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(
            [(results[0].GetProperty("scan_id").GetInt64(), "reception", "reception-1"), (results[1].GetProperty("scan_id").GetInt64(), "reception", "reception-1")],
            history.Select(h => (h.GetProperty("scan_id").GetInt64(), h.GetProperty("event").GetString(), h.GetProperty("workstation").GetString())));
    }

    [Fact]
    public async Task AVerifierThatThrows_LeavesTheScansStored_AndSaysTheVerificationFailed()
    {
        var result = Assert.Single(await ScanAsync(Code("THROW1")));

        Assert.True(result.GetProperty("stored").GetBoolean());
        Assert.Equal("verification_pending", result.GetProperty("verdict").GetString());
        Assert.Equal("failed", result.GetProperty("verification").GetProperty("status").GetString());
    }

    private static string Code(string serial) => $"]d201034009302703871728022910A53014\u001d21{serial}";

    private async Task<JsonElement> CheckAsync(string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/check", UriKind.Relative)) { Content = JsonContent.Create(new { code }) };
        request.Headers.Add("X-Api-Key", CounterKey);
        using var response = await _http!.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    private async Task<JsonElement[]> ScanAsync(params string[] codes)
    {
        using var response = await _http!.PostAsJsonAsync(
            new Uri("/api/v1/scans", UriKind.Relative),
            new { scans = codes.Select(code => new { code, @event = "reception", workstation = "reception-1" }) },
            Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
        return [.. body.GetProperty("results").EnumerateArray()];
    }

    /// <summary>Answers by serial: OK… verified, ALERT… alert, THROW… throws, anything else pending.</summary>
    private sealed class FakeVerifier : IRecallSource, IPackVerifier
    {
        public List<IReadOnlyList<PackToVerify>> Calls { get; } = [];

        public HashSet<(string Gtin, string Serial)> Waiting { get; } = [];

        public bool IsPending(string gtin, string serial) => Waiting.Contains((gtin, serial));

        public ValueTask<IReadOnlyList<PackVerification>> VerifyAsync(IReadOnlyList<PackToVerify> packs, CancellationToken cancellationToken)
        {
            Calls.Add(packs);
            if (packs.Any(p => p.Serial.StartsWith("THROW", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("The verifier broke.");
            }

            Waiting.UnionWith(packs.Where(p => p.Serial.StartsWith("WAIT", StringComparison.Ordinal)).Select(p => (p.Gtin, p.Serial)));
            return ValueTask.FromResult<IReadOnlyList<PackVerification>>([.. packs.Select(p => p.Serial[..2] switch
            {
                "OK" => new PackVerification(p.ScanId, PackVerificationStatus.Verified, "Boîte vérifiée.", "Délivrance possible.") { Code = "NMVS_OK" },
                "AL" => new PackVerification(p.ScanId, PackVerificationStatus.Alert, "Cette boîte a déjà été délivrée.", "Ne pas la délivrer.") { Code = "NMVS_NC_PCK_22" },
                _ => new PackVerification(p.ScanId, PackVerificationStatus.Pending, "Vérification NMVS en attente.", "Mettre la boîte de côté."),
            })]);
        }

        public ValueTask StartAsync(ISourceContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<SourceFetchResult> FetchAsync(string? checkpoint, CancellationToken cancellationToken) => ValueTask.FromResult(new SourceFetchResult([], checkpoint));

        public IReadOnlyList<RecallNotice> Parse(SourcePayload payload) => [];

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class VerifierContext : IPluginContext
    {
        public string PluginId => "fake-nmvs";

        public PluginSettings Settings => PluginSettings.Empty(PluginId);

        public IPluginLog Log => throw new NotSupportedException();

        public TimeProvider Time => TimeProvider.System;

        public IPluginStateStore State => throw new NotSupportedException();

        public HttpClient CreateHttpClient() => throw new NotSupportedException();
    }
}
