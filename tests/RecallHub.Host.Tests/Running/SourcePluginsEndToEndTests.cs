using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// The real source plugins, built by this project and loaded from their own folders like a deployment, pulled by the
/// whole hub (real Kestrel, a real SQLite file) from a stand-in site on 127.0.0.1 serving recorded payloads: a notice
/// naming a lot that the pharmacy scanned at reception blocks that pack.
/// </summary>
public sealed class SourcePluginsEndToEndTests : IAsyncLifetime
{
    private const string AdminKey = "pharmacist-key-0123456789abcdef";
    private const string ListingPath = "/informations-de-securite/";
    private const string ExportPath = "/api/explore/v2.1/catalog/datasets/rappelconso-v2-gtin-espaces/exports/json";

    private readonly PluginFolders _folders = new();
    private readonly FakeTimeProvider _clock = Some.Clock();
    private SourceSite? _site;
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;
    private HttpClient? _http;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _site = await SourceSite.StartAsync();

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
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        _folders.Dispose();
    }

    [Fact]
    public async Task AnsmNoticeNamingALotScannedAtReception_BlocksThatPack()
    {
        ServeAnsmSite();
        // The Tavneos notice: CIP 3400930270387 lot NAB87201 (exp. 02/2027) in a sentence, CIP 34009 302 469 4 8 lot
        // NAB57003 (31/01/2027) in a table.
        string inSentence = Pack("03400930270387", "270228", "NAB87201", "TAV30A1");
        string inTable = Pack("03400930246948", "270131", "NAB57003", "TAV90B2");
        string otherLot = Pack("03400930270387", "280630", "NAB99001", "TAV30C3");
        await StartAsync("ansm", $$"""
            { "base_url": "{{new Uri(_site!.Root, ListingPath)}}", "delay": 0, "retries": 0, "categories": ["Rappel de produit"] }
            """);
        var reception = await ScanAsync(inSentence, inTable, otherLot);
        Assert.All(reception.GetProperty("results").EnumerateArray(), r => Assert.Equal("allow", r.GetProperty("verdict").GetString()));

        var pull = await PullAsync("ansm");

        Assert.True(pull.GetProperty("status").GetString() == "succeeded", pull.ToString());
        Assert.Equal(2, pull.GetProperty("packs_blocked").GetInt32());
        Assert.Contains(ListingPath + "tavneos-10-mg-gelule-laboratoire-vifor-france", _site.Requests);
        Assert.Equal(["block", "block", "allow"], [await VerdictAsync(inSentence), await VerdictAsync(inTable), await VerdictAsync(otherLot)]);
        Assert.Equal(
            [("03400930246948", "NAB57003", "TAV90B2"), ("03400930270387", "NAB87201", "TAV30A1")],
            await ActiveBlocksAsync());
    }

    [Fact]
    public async Task RappelConsoRecordNamingALotScannedAtReception_BlocksThatPack()
    {
        // The export of a first pull: the real record (keto slim nuit, GTIN 3760289220694 lot ken134f, a food supplement
        // sold in pharmacies) and the constructed ones, one of which (clothing) is outside the pharmacy's categories.
        var records = new List<string> { Recorded("rappelconso/v2_record_real_2021-05-0242.json") };
        using (var response = JsonDocument.Parse(Recorded("rappelconso/v2_records_response_constructed.json")))
        {
            records.AddRange(response.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetRawText()));
        }

        _site!.ServeAnyQuery(ExportPath, "[" + string.Join(",", records) + "]");
        // Lots are printed in capitals on the box; the record wrote it in lower case. The expiry lies ahead of the
        // hub's clock, so that only the recall can block the pack.
        string keto = Pack("03760289220694", "270430", "KEN134F", "KETO01");
        string cream = Pack("03401560012347", "270831", "L24087", "CREME01");
        string otherLot = Pack("03760289220694", "270430", "KEN201A", "KETO02");
        await StartAsync("rappelconso", $$"""
            { "base_url": "{{_site.Root}}", "max_attempts": 1 }
            """);
        await ScanAsync(keto, cream, otherLot);

        var pull = await PullAsync("rappelconso");

        Assert.True(pull.GetProperty("status").GetString() == "succeeded", pull.ToString());
        Assert.Equal((3, 2), (pull.GetProperty("notices").GetInt32(), pull.GetProperty("packs_blocked").GetInt32()));
        Assert.Contains(_site.Requests, r => r.StartsWith(ExportPath, StringComparison.Ordinal));
        Assert.Equal(["block", "block", "allow"], [await VerdictAsync(keto), await VerdictAsync(cream), await VerdictAsync(otherLot)]);
        Assert.Equal(
            [("03401560012347", "L24087", "CREME01"), ("03760289220694", "KEN134F", "KETO01")],
            await ActiveBlocksAsync());
    }

    [Theory]
    [InlineData("ansm", "RecallHub.Sources.Ansm.dll")]
    [InlineData("rappelconso", "RecallHub.Sources.RappelConso.dll")]
    public void BuiltPluginFolder_HoldsThePluginAndItsManifest_ButNoCopyOfTheContract(string id, string assembly)
    {
        string folder = _folders.AddBuiltPlugin(id);

        Assert.True(File.Exists(Path.Combine(folder, assembly)));
        Assert.True(File.Exists(Path.Combine(folder, "plugin.json")));
        // A second copy would load its own IRecallSource, which the host's could not see.
        Assert.Empty(Directory.GetFiles(folder, "RecallHub.Abstractions.*", SearchOption.AllDirectories));
    }

    private void ServeAnsmSite()
    {
        _site!.Serve(ListingPath, Recorded("ansm/listing_page_constructed.html"));
        _site.Serve(ListingPath + "?page=2", Recorded("ansm/listing_page2_ours.html"));
        _site.Serve(ListingPath + "tavneos-10-mg-gelule-laboratoire-vifor-france", Recorded("ansm/notice_medicament_lot_table_constructed.html"));
        _site.Serve(ListingPath + "rapid-refill-continuous-injection-system-boston-scientific", Recorded("ansm/notice_dm_fsn_constructed.html"));
        _site.Serve(ListingPath + "amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo", Recorded("ansm/notice_medicament_amlodipine_constructed.html"));
    }

    private async Task StartAsync(string source, string settings)
    {
        _folders.AddBuiltPlugin(source);
        _folders.WritePluginsJson($$"""
            { "plugins": [ { "id": "{{source}}", "folder": "plugins/{{source}}", "settings": {{settings}} } ] }
            """);
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), _clock, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        _app = HubWebApplication.Build("http://127.0.0.1:0", _clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = AdminKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    // What the reception scanner sends for a serialised box: ]d2 01 GTIN-14 17 YYMMDD 10 lot GS 21 serial.
    private static string Pack(string gtin14, string expiry, string lot, string serial) => $"]d201{gtin14}17{expiry}10{lot}\u001d21{serial}";

    private async Task<JsonElement> ScanAsync(params string[] codes)
    {
        using var response = await _http!.PostAsJsonAsync(
            new Uri("/api/v1/scans", UriKind.Relative),
            new { scans = codes.Select(code => new { code, @event = "reception", workstation = "reception-1", @operator = "Claire" }) },
            Cancel);
        string body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> PullAsync(string source)
    {
        using var response = await _http!.PostAsync(new Uri($"/api/v1/sources/{source}/pull", UriKind.Relative), null, Cancel);
        string body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string?> VerdictAsync(string code)
    {
        using var response = await _http!.PostAsJsonAsync(new Uri("/api/v1/check", UriKind.Relative), new { code }, Cancel);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("verdict").GetString();
    }

    private async Task<List<(string? Gtin, string? Lot, string? Serial)>> ActiveBlocksAsync()
    {
        using var response = await _http!.GetAsync(new Uri("/api/v1/blocks?state=active", UriKind.Relative), Cancel);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. body.GetProperty("items").EnumerateArray()
            .Select(b => (b.GetProperty("gtin").GetString(), b.GetProperty("lot").GetString(), b.GetProperty("serial").GetString()))
            .Order()];
    }
}
