using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Support;

/// <summary>
/// The hub's web host on real Kestrel (127.0.0.1, a free port) over a real SQLite file in a temporary folder, with one
/// API key per scope, and a client that speaks to it.
/// </summary>
internal sealed class HubApi : IAsyncDisposable
{
    public const string ScanKey = "scanner-key-0123456789abcdef";
    public const string CheckKey = "counter-key-0123456789abcdef";
    public const string AdminKey = "admin-key-0123456789abcdefgh";

    private readonly string _folder;
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private HubApi(string folder, SqliteRecallHubStore store, FakeTimeProvider clock, WebApplication app)
    {
        _folder = folder;
        Store = store;
        Clock = clock;
        _app = app;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    /// <summary>The hub's store: tests read back what the API wrote.</summary>
    public SqliteRecallHubStore Store { get; }

    /// <summary>The hub's clock, at <see cref="Some.Today"/>.</summary>
    public FakeTimeProvider Clock { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<HubApi> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "recallhub-tests", Guid.NewGuid().ToString("N"));
        var clock = Some.Clock();
        var store = await SqliteRecallHubStore.OpenAsync(Path.Combine(folder, "hub.db"), clock, cancellationToken: Token);
        var app = HubWebApplication.Build("http://127.0.0.1:0", clock, store: store, configuration: new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "reception",
            ["Hub:ApiKeys:0:Key"] = ScanKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "scan",
            ["Hub:ApiKeys:1:Name"] = "lgo-counter-1",
            ["Hub:ApiKeys:1:Key"] = CheckKey,
            ["Hub:ApiKeys:1:Scopes:0"] = "check",
            ["Hub:ApiKeys:2:Name"] = "pharmacist",
            ["Hub:ApiKeys:2:Key"] = AdminKey,
            ["Hub:ApiKeys:2:Scopes:0"] = "admin",
        }.Concat(settings ?? new Dictionary<string, string?>()));
        await app.StartAsync(Token);
        return new HubApi(folder, store, clock, app);
    }

    /// <summary>Posts <paramref name="body"/>: a string is sent as it is, anything else as JSON.</summary>
    public Task<ApiResponse> PostAsync(string path, object body, string? key = AdminKey) =>
        SendAsync(HttpMethod.Post, path, body is string text ? new StringContent(text, Encoding.UTF8, "application/json") : JsonContent.Create(body), key);

    public Task<ApiResponse> GetAsync(string path, string? key = AdminKey) => SendAsync(HttpMethod.Get, path, null, key);

    /// <summary>Stores notices through the API, as an LGO would push them.</summary>
    public async Task<JsonElement> PostNoticesAsync(params RecallNotice[] notices)
    {
        string json = notices.Length == 1 ? RecallNoticeJson.Serialize(notices[0]) : "[" + string.Join(",", notices.Select(n => RecallNoticeJson.Serialize(n))) + "]";
        var response = await PostAsync("/api/v1/notices", json);
        Assert.True(response.Status == System.Net.HttpStatusCode.OK, response.Text);
        return response.Body;
    }

    /// <summary>Posts a batch of scans (code, event) and returns the answer.</summary>
    public Task<ApiResponse> PostScansAsync(params (string Code, string Event)[] scans) =>
        PostAsync("/api/v1/scans", new { scans = scans.Select(s => new { code = s.Code, @event = s.Event }) }, ScanKey);

    /// <summary>Runs <paramref name="read"/> on a session of the hub's store.</summary>
    public async Task<T> ReadStoreAsync<T>(Func<IStoreSession, Task<T>> read)
    {
        await using var session = await Store.OpenSessionAsync(Token);
        return await read(session);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync(Token);
        await _app.DisposeAsync();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, string? key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await _http.SendAsync(request, Token);
        string text = await response.Content.ReadAsStringAsync(Token);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
