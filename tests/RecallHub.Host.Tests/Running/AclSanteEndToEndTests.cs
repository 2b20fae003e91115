using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// Issue 5, device half: the real <c>acl-sante</c> plugin, loaded from its own folder by <c>recallhub run</c>, pulls a
/// device safety notice (UDI-DI and lot) from a fake ACL Santé portal on 127.0.0.1, and the device scanned at
/// reception is blocked.
/// </summary>
public sealed class AclSanteEndToEndTests : IAsyncLifetime
{
    private const string AdminKey = "pharmacist-key-0123456789abcdef";
    private const string Token = "acl-e2e-token-0123456789";

    // Unique to this test class: the variable is set for the whole test process.
    private const string TokenVariable = "RECALLHUB_TESTS_ACL_SANTE_E2E_TOKEN";

    private const string UdiDi = "08714729000013";

    private static readonly string PluginFolder = Path.Combine(AppContext.BaseDirectory, "plugins", "acl-sante");

    private readonly PluginFolders _folders = new();
    private readonly FakeTimeProvider _clock = Some.Clock();
    private readonly List<string?> _credentials = [];
    private WebApplication? _portal;
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _hub;
    private HttpClient? _http;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable(TokenVariable, Token);
        _portal = await StartPortalAsync();
        _folders.WritePluginsJson($$"""
            { "plugins": [
                { "id": "acl-sante", "folder": {{JsonSerializer.Serialize(PluginFolder)}},
                  "settings": { "base_url": "{{_portal.Urls.First()}}/api/v1/", "token": "env:{{TokenVariable}}" } }
            ] }
            """);
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), _clock, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        _hub = HubWebApplication.Build("http://127.0.0.1:0", _clock, _catalog, new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = AdminKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",
        }, _store, runPlugins: true);
        await _hub.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_hub.Urls.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_hub is not null)
        {
            await _hub.StopAsync(Cancel);
            await _hub.DisposeAsync();
        }

        if (_portal is not null)
        {
            await _portal.StopAsync(Cancel);
            await _portal.DisposeAsync();
        }

        _catalog?.Dispose();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folders.Dispose();
    }

    [Fact]
    public void PluginFolder_HoldsThePluginWithoutItsOwnCopyOfTheContract()
    {
        Assert.True(File.Exists(Path.Combine(PluginFolder, "RecallHub.Sources.AclSante.dll")));
        Assert.True(File.Exists(Path.Combine(PluginFolder, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(PluginFolder, "RecallHub.Abstractions.dll")));
    }

    [Fact]
    public async Task DeviceNoticeWithUdiDiAndLot_BlocksTheMatchingScannedDeviceOnly()
    {
        Assert.Equal(PluginState.Loaded, Assert.Single(_catalog!.Statuses).State);
        string recalled = Device(lot: "0031234567", serial: "CATH0001");
        string otherLot = Device(lot: "0039999999", serial: "CATH0002");
        var scans = await PostAsync("/api/v1/scans", new
        {
            scans = new[] { recalled, otherLot }.Select(code => new { code, @event = "reception", workstation = "reception-1", @operator = "Claire" }),
        });
        Assert.Equal(HttpStatusCode.OK, scans.Status);
        Assert.All(scans.Body.GetProperty("results").EnumerateArray(), r => Assert.Equal("allow", r.GetProperty("verdict").GetString()));

        var pull = await PostAsync("/api/v1/sources/acl-sante/pull", null);

        Assert.Equal(HttpStatusCode.OK, pull.Status);
        Assert.Equal(("succeeded", 1, 1), (pull.Body.GetProperty("status").GetString(), pull.Body.GetProperty("notices").GetInt32(), pull.Body.GetProperty("packs_blocked").GetInt32()));
        Assert.Equal("Bearer " + Token, Assert.Single(_credentials));
        Assert.Equal("block", await VerdictAsync(recalled));
        Assert.Equal("allow", await VerdictAsync(otherLot));
        var blocks = await GetAsync("/api/v1/blocks");
        Assert.Equal(1, blocks.GetProperty("total").GetInt32());
        var block = Assert.Single(blocks.GetProperty("items").EnumerateArray());
        Assert.Equal((UdiDi, "0031234567", "CATH0001"), (block.GetProperty("gtin").GetString(), block.GetProperty("lot").GetString(), block.GetProperty("serial").GetString()));
    }

    // A GS1 UDI as a scanner sends it: ]d2, 01 UDI-DI, 17 expiry, 10 lot, GS, 21 serial.
    private static string Device(string lot, string serial) => $"]d201{UdiDi}17281231" + $"10{lot}\u001d21{serial}";

    private async Task<WebApplication> StartPortalAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var portal = builder.Build();
        portal.MapGet("/api/v1/notices", (HttpContext http) =>
        {
            string? credential = http.Request.Headers.Authorization.FirstOrDefault();
            _credentials.Add(credential);
            return credential == "Bearer " + Token
                ? Results.Text(PortalPage, "application/json; charset=utf-8", Encoding.UTF8)
                : Results.Json(new { error = "invalid_token" }, statusCode: 401);
        });
        await portal.StartAsync(Cancel);
        return portal;
    }

    private const string PortalPage = """
        {"format": "acl-sante-fsn/1", "next_cursor": null, "notices": [
          {"reference": "FSCA-2026-0042", "fsn_type": "new", "version": 1, "issue_date": "2026-11-20", "updated_at": "2026-11-20T08:00:00Z",
           "title": "AVIS DE SÉCURITÉ URGENT – Cathéter Exemple XYZ – Fabricant Exemple SAS",
           "devices": [{"trade_name": "Cathéter Exemple XYZ", "udi_di": "08714729000013", "catalogue_numbers": ["M0012345"], "lots": ["0031234567"]}],
           "problem": "Risque de rupture de la connexion luer lors de l'utilisation.", "user_actions": ["quarantine_device", "return_device"]}
        ]}
        """;

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body)
    {
        using var response = body is null
            ? await _http!.PostAsync(new Uri(path, UriKind.Relative), null, Cancel)
            : await _http!.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Cancel);
        string text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http!.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    private async Task<string?> VerdictAsync(string code) =>
        (await PostAsync("/api/v1/check", new { code })).Body.GetProperty("verdict").GetString();
}
