using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Web;
using RecallHub.Host.Web.Dashboard;

namespace RecallHub.Dashboard.Tests.Support;

/// <summary>
/// The hub on real Kestrel (127.0.0.1, a free port) over a real SQLite file, with an API key for the LGO's calls and
/// three dashboard accounts (<see cref="Some.Pharmacist"/>, <see cref="Some.Assistant"/>, <see cref="Some.Admin"/>).
/// </summary>
internal sealed class DashboardHub : IAsyncDisposable
{
    public const string AdminKey = "admin-key-0123456789abcdefgh";
    public const string ScanKey = "scanner-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly HttpClient _api;

    private DashboardHub(string folder, SqliteRecallHubStore store, FakeTimeProvider clock, WebApplication app)
    {
        Folder = folder;
        Store = store;
        Clock = clock;
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
        _api = new HttpClient { BaseAddress = BaseAddress };
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "hub.db");

    public SqliteRecallHubStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DashboardHub> StartAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "recallhub-dashboard-tests", Guid.NewGuid().ToString("N"));
        var clock = Some.Clock();
        var store = await SqliteRecallHubStore.OpenAsync(Path.Combine(folder, "hub.db"), clock, cancellationToken: Token);
        await using (var session = await store.OpenSessionAsync(Token))
        {
            await session.Users.AddAsync(Some.Pharmacist, UserRole.Pharmacist, DashboardPasswords.Hash(Some.Password), clock.GetUtcNow(), Token);
            await session.Users.AddAsync(Some.Assistant, UserRole.Assistant, DashboardPasswords.Hash(Some.Password), clock.GetUtcNow(), Token);
            await session.Users.AddAsync(Some.Admin, UserRole.Admin, DashboardPasswords.Hash(Some.Password), clock.GetUtcNow(), Token);
        }

        var app = HubWebApplication.Build("http://127.0.0.1:0", clock, store: store, configuration: new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = AdminKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",
            ["Hub:ApiKeys:1:Name"] = "reception",
            ["Hub:ApiKeys:1:Key"] = ScanKey,
            ["Hub:ApiKeys:1:Scopes:0"] = "scan",
        });
        await app.StartAsync(Token);
        return new DashboardHub(folder, store, clock, app);
    }

    /// <summary>Stores a notice and receives a pack of its lot: the recall then blocks that pack. Returns the recall's id.</summary>
    public async Task<long> RecallBlockingAPackAsync(RecallNotice? notice = null, string? code = null)
    {
        var stored = await _api.SendAsync(Request(HttpMethod.Post, "/api/v1/notices", new StringContent(RecallNoticeJson.Serialize(notice ?? Some.Notice()), System.Text.Encoding.UTF8, "application/json"), AdminKey), Token);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(Token));
        var scanned = await _api.SendAsync(Request(HttpMethod.Post, "/api/v1/scans", JsonContent.Create(new { scans = new[] { new { code = code ?? Some.DataMatrix(), @event = "reception", workstation = "comptoir-1" } } }), ScanKey), Token);
        Assert.True(scanned.IsSuccessStatusCode, await scanned.Content.ReadAsStringAsync(Token));
        await using var session = await Store.OpenSessionAsync(Token);
        var recalls = await session.Recalls.ListAsync(RecallFilter.All, Paging.First, Token);
        return recalls.Items.Single(r => r.Title == (notice ?? Some.Notice()).Title).Id;
    }

    public async Task<HttpResponseMessage> ApiGetAsync(string path, string? key)
    {
        return await _api.SendAsync(Request(HttpMethod.Get, path, null, key), Token);
    }

    public async Task<T> ReadStoreAsync<T>(Func<IStoreSession, Task<T>> read)
    {
        await using var session = await Store.OpenSessionAsync(Token);
        return await read(session);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _app.StopAsync(Token);
        await _app.DisposeAsync();
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, string? key)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }
}
