using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;
using static RecallHub.Host.Tests.Tenancy.HubTenancyTests;

namespace RecallHub.Host.Tests.Web.Security;

/// <summary>
/// API keys and pharmacies through real Kestrel: a single-pharmacy (SQLite) hub refuses keys of other pharmacies at
/// start and keeps working with one naming its own; a multi-pharmacy hub answers a hub operator's key (naming no
/// pharmacy) on its hub-wide endpoints only.
/// </summary>
public sealed class PharmacyKeysTests : IAsyncLifetime
{
    private const string OperatorKey = "operator-key-0123456789abcdef";
    private const string PharmacyKey = "pharmacy-a-key-0123456789abc";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _apps = [];
    private SqliteRecallHubStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folder, "hub.db"), Some.Clock(), cancellationToken: Token);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync(Token);
            await app.DisposeAsync();
        }

        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void SingleHub_KeyOfAnotherPharmacy_StopsTheStart_NamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), store: _store, configuration: Keys(PharmacyA)));

        Assert.StartsWith($"Hub:ApiKeys:1:Pharmacy of 'pharmacy-a' is {PharmacyA}, but this hub keeps one pharmacy's data (SQLite)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleHub_KeyNamingItsOwnPharmacy_ScansAndReadsBlocksAsBefore()
    {
        using var http = await StartAsync(_store!, [.. Keys(PharmacyA), new("Hub:Pharmacy", PharmacyA)]);
        await PostAsync(http, "/api/v1/notices", RecallNoticeJson.Serialize(Some.Notice()), OperatorKey);

        var scans = await PostAsync(http, "/api/v1/scans", JsonSerializer.Serialize(new { code = Some.DataMatrix(), @event = "reception" }), PharmacyKey);
        var blocks = await GetAsync(http, "/api/v1/blocks", OperatorKey);

        Assert.Equal(HttpStatusCode.OK, scans.Status);
        Assert.Equal(1, scans.Body.GetProperty("blocks_placed").GetInt32());
        Assert.Equal(1, blocks.Body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/api/v1/scans")]
    [InlineData("POST", "/api/v1/check")]
    [InlineData("GET", "/api/v1/blocks")]
    [InlineData("GET", "/api/v1/blocks/1")]
    [InlineData("POST", "/api/v1/blocks/1/lift")]
    public async Task MultiHub_OperatorKey_IsRefusedOnAPharmacysEndpoints(string method, string path)
    {
        using var http = await StartAsync(new AllPharmaciesOnlyStore(_store!), MultiHub());

        var response = method == "GET" ? await GetAsync(http, path, OperatorKey) : await PostAsync(http, path, "{\"code\":\"3400930270387\",\"event\":\"reception\",\"by\":\"Dr Martin\",\"reason\":\"vu\"}", OperatorKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("This key belongs to no pharmacy", response.Body.GetProperty("title").GetString());
        Assert.StartsWith("The API key 'operator' belongs to no pharmacy", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiHub_OperatorKey_PostsNoticesAndReadsRecalls_WithoutAnyPharmacysBlocks()
    {
        using var http = await StartAsync(new AllPharmaciesOnlyStore(_store!), MultiHub());

        var posted = await PostAsync(http, "/api/v1/notices", RecallNoticeJson.Serialize(Some.Notice()), OperatorKey);
        long id = posted.Body.GetProperty("notices")[0].GetProperty("recall_id").GetInt64();
        var list = await GetAsync(http, "/api/v1/recalls", OperatorKey);
        var detail = await GetAsync(http, $"/api/v1/recalls/{id}", OperatorKey);
        var health = await GetAsync(http, "/health", null);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(1, list.Body.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(JsonValueKind.Null, detail.Body.GetProperty("blocks").ValueKind);
        Assert.Equal(HttpStatusCode.OK, health.Status);
    }

    [Fact]
    public async Task MultiHub_PharmacyKey_IsRefusedPluginQueries_WhichSpanEveryPharmacy()
    {
        using var http = await StartAsync(new AllPharmaciesOnlyStore(_store!), MultiHub(), runPlugins: true);

        var pharmacy = await GetAsync(http, "/api/v1/plugins/implant-register/queries", PharmacyKey);
        var hubOperator = await GetAsync(http, "/api/v1/plugins/implant-register/queries", OperatorKey);

        Assert.Equal(HttpStatusCode.Forbidden, pharmacy.Status);
        Assert.Equal("Plugin queries are hub-wide", pharmacy.Body.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hubOperator.Status);
    }

    [Fact]
    public async Task MultiHub_LoginForm_AsksForTheFinessNumber_AndAnUnknownOneFindsNoAccount()
    {
        using var http = await StartAsync(new AllPharmaciesOnlyStore(_store!), MultiHub());

        using var form = await http.GetAsync(new Uri("/login", UriKind.Relative), Token);
        string page = await form.Content.ReadAsStringAsync(Token);
        string token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__jeton\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token,
            ["retour"] = "/",
            ["finess"] = "130555550",
            ["nom"] = "Claire Martin",
            ["mot_de_passe"] = "a-long-password",
        });
        using var signIn = await http.PostAsync(new Uri("/login", UriKind.Relative), content, Token);

        Assert.Contains("name=\"finess\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("N° FINESS, nom ou mot de passe incorrect.", await signIn.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Keys(string pharmacy) => new()
    {
        ["Hub:ApiKeys:0:Name"] = "operator",
        ["Hub:ApiKeys:0:Key"] = OperatorKey,
        ["Hub:ApiKeys:0:Scopes:0"] = "admin",
        ["Hub:ApiKeys:0:Scopes:1"] = "patients",
        ["Hub:ApiKeys:1:Name"] = "pharmacy-a",
        ["Hub:ApiKeys:1:Key"] = PharmacyKey,
        ["Hub:ApiKeys:1:Scopes:0"] = "admin",
        ["Hub:ApiKeys:1:Scopes:1"] = "patients",
        ["Hub:ApiKeys:1:Pharmacy"] = pharmacy,
    };

    private static KeyValuePair<string, string?>[] MultiHub() =>
        [.. Keys(PharmacyA), new("Hub:Pharmacies:0:Finess", PharmacyA), new("Hub:Pharmacies:1:Finess", PharmacyB)];

    private async Task<HttpClient> StartAsync(Core.Storage.IRecallHubStore store, IEnumerable<KeyValuePair<string, string?>> settings, bool runPlugins = false)
    {
        var app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), store: store, configuration: settings, runPlugins: runPlugins);
        _apps.Add(app);
        await app.StartAsync(Token);
        return new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    private static Task<ApiResponse> GetAsync(HttpClient http, string path, string? key) => SendAsync(http, HttpMethod.Get, path, null, key);

    private static Task<ApiResponse> PostAsync(HttpClient http, string path, string json, string key) =>
        SendAsync(http, HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), key);

    private static async Task<ApiResponse> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, string? key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await http.SendAsync(request, Token);
        string text = await response.Content.ReadAsStringAsync(Token);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
