using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Storage;
using RecallHub.Core.Storage.Sqlite;
using RecallHub.Host.Plugins;
using RecallHub.Host.Running;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// The whole hub as <c>recallhub run</c> starts it — real Kestrel on 127.0.0.1, a real SQLite file, the fixture source
/// and sink loaded as plugins from their own folders — driven through its HTTP API.
/// </summary>
public sealed class HubRunTests : IAsyncLifetime
{
    private const string AdminKey = "pharmacist-key-0123456789abcdef";

    private readonly PluginFolders _folders = new();
    private readonly FakeTimeProvider _clock = Some.Clock();
    private SqliteRecallHubStore? _store;
    private PluginCatalog? _catalog;
    private WebApplication? _app;
    private HttpClient? _http;

    private string NoticesFile => Path.Combine(_folders.Root, "notices.json");

    private string EventsFile => Path.Combine(_folders.Root, "events.txt");

    private string SinkDownFlag => Path.Combine(_folders.Root, "lgo-down.flag");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

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
    public async Task ScansThenRecall_BlocksTheStoredPacksAndTellsTheSink()
    {
        await StartAsync();
        await ScanAsync(PackCode("A53014", "S1"), PackCode("A53014", "S2"), PackCode("B77001", "S3"));
        WriteNotices(Notice(version: 1, "A53014"));

        var pull = await PullAsync("feed");

        Assert.Equal(("succeeded", 1, 1, 2), (pull.GetProperty("status").GetString(), pull.GetProperty("notices").GetInt32(), pull.GetProperty("new_or_revised").GetInt32(), pull.GetProperty("packs_blocked").GetInt32()));
        Assert.Equal("block", await VerdictAsync(PackCode("A53014", "S1")));
        Assert.Equal("allow", await VerdictAsync(PackCode("B77001", "S3")));
        var lines = await SinkLinesAsync(count: 3);
        Assert.Equal(["RecallReceived", "StockBlocked", "StockBlocked"], lines.Select(l => l[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["S1", "S2"], lines.Where(l => l[1] == "StockBlocked").Select(l => l[4]).Order(StringComparer.Ordinal));

        // The source's own state went to the store, under its id.
        await using var session = await _store!.OpenSessionAsync(Cancel);
        Assert.Equal(Some.Today.ToString("O"), await session.PluginState.GetAsync("feed", "last-fetch", Cancel));
    }

    [Fact]
    public async Task RecallThenScan_BlocksThePackTheMomentItIsScanned()
    {
        await StartAsync();
        WriteNotices(Notice(version: 1, "A53014"));
        await PullAsync("feed");

        var outcome = Assert.Single((await ScanAsync(PackCode("A53014", "S9"))).GetProperty("results").EnumerateArray());

        Assert.Equal("block", outcome.GetProperty("verdict").GetString());
        Assert.Single(outcome.GetProperty("blocks_placed").EnumerateArray());
        Assert.Equal("block", await VerdictAsync(PackCode("A53014", "S9")));
        var blocked = Assert.Single(await SinkLinesAsync(count: 2), l => l[1] == "StockBlocked");
        Assert.Equal(["A53014", "S9"], blocked[3..]);
    }

    [Fact]
    public async Task RevisionAddingALot_BlocksThePacksItNewlyConcerns()
    {
        await StartAsync();
        await ScanAsync(PackCode("A53014", "S1"), PackCode("B77001", "S2"));
        WriteNotices(Notice(version: 1, "A53014"));
        var first = await PullAsync("feed");
        WriteNotices(Notice(version: 1, "A53014"), Notice(version: 2, "A53014", "B77001"));

        var second = await PullAsync("feed");

        Assert.Equal((1, 1), (first.GetProperty("packs_blocked").GetInt32(), second.GetProperty("packs_blocked").GetInt32()));
        Assert.Equal(1, second.GetProperty("notices").GetInt32());
        Assert.Equal("block", await VerdictAsync(PackCode("B77001", "S2")));
        var lines = await SinkLinesAsync(count: 4);
        Assert.Contains(lines, l => l[1] == "RecallRevised");
    }

    [Fact]
    public async Task DuplicateNotice_IsOneRecall_AndTheCheckpointStopsARepeat()
    {
        await StartAsync();
        WriteNotices(Notice(version: 1, "A53014"), Notice(version: 1, "A53014"));

        var first = await PullAsync("feed");
        var again = await PullAsync("feed");

        Assert.Equal((2, 1), (first.GetProperty("notices").GetInt32(), first.GetProperty("new_or_revised").GetInt32()));
        Assert.Equal(("2", 0), (again.GetProperty("checkpoint").GetString(), again.GetProperty("notices").GetInt32()));
        await using var session = await _store!.OpenSessionAsync(Cancel);
        Assert.Equal(1, (await session.Recalls.ListAsync(new RecallFilter(), Paging.First, Cancel)).Total);
    }

    [Fact]
    public async Task FailingSink_IsShownFailed_ThenGetsEveryEventInOrderOnceItRecovers()
    {
        File.WriteAllText(SinkDownFlag, "the LGO's webhook is down");
        await StartAsync();
        await ScanAsync(PackCode("A53014", "S1"), PackCode("A53014", "S2"));
        WriteNotices(Notice(version: 1, "A53014"));
        await PullAsync("feed");

        // Retries are due after their backoff: the clock moves a second at a time until the sink has failed enough.
        await EventuallyAsync(
            async () => (await SinkHealthAsync()).GetProperty("attempts").GetInt32() >= SinkDelivery.AlertAfterAttempts,
            async () => (await SinkHealthAsync()).ToString(),
            tick: TimeSpan.FromSeconds(1));

        var (status, health) = await GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "degraded"), (status, health.GetProperty("status").GetString()));
        var lgo = Assert.Single(health.GetProperty("plugins").EnumerateArray(), p => p.GetProperty("id").GetString() == "lgo");
        Assert.Equal("failed", lgo.GetProperty("state").GetString());
        Assert.Contains("The sink is configured to fail.", lgo.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await SinkHealthAsync()).GetProperty("pending").GetInt64());
        Assert.False(File.Exists(EventsFile));

        File.Delete(SinkDownFlag);

        var lines = await SinkLinesAsync(count: 3, tick: TimeSpan.FromSeconds(1));
        Assert.Equal("RecallReceived", lines[0][1]);
        await EventuallyAsync(async () => (await GetAsync("/health")).Body.GetProperty("status").GetString() == "healthy");
        Assert.Equal(0, (await SinkHealthAsync()).GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task FailingPlugins_AreMarkedFailedWithTheReason_AndTheHubGoesOn()
    {
        _folders.AddPlugin("no-file", "no-file", "source");
        _folders.AddPlugin("gone", "gone", "source");
        await StartAsync($$"""
            ,{ "id": "no-file", "folder": "plugins/no-file", "settings": {} }
            ,{ "id": "gone", "folder": "plugins/gone", "settings": { "file": {{JsonSerializer.Serialize(Path.Combine(_folders.Root, "missing.json"))}} } }
            ,{ "id": "never-published", "folder": "plugins/never-published" }
            """);
        WriteNotices(Notice(version: 1, "A53014"));

        var failedPull = await PullAsync("gone");
        var goodPull = await PullAsync("feed");

        Assert.Equal("failed", failedPull.GetProperty("status").GetString());
        Assert.Contains("missing.json", failedPull.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", goodPull.GetProperty("status").GetString());
        Assert.Equal("block", await VerdictAsync(PackCode("A53014", "S1")));
        var (status, health) = await GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "degraded"), (status, health.GetProperty("status").GetString()));
        var reasons = health.GetProperty("plugins").EnumerateArray()
            .Where(p => p.GetProperty("state").GetString() == "failed")
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("reason").GetString()!);
        Assert.Equal(["gone", "never-published", "no-file"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Start failed:", reasons["no-file"], StringComparison.Ordinal);
        Assert.Contains("missing.json", reasons["gone"], StringComparison.Ordinal);
        Assert.Contains("does not exist", reasons["never-published"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("/api/v1/sources/no-file/pull")).Status);
    }

    [Fact]
    public async Task FailedPull_Recovers_WhenTheSourceAnswersAgain()
    {
        await StartAsync();

        var failed = await PullAsync("feed");
        WriteNotices(Notice(version: 1, "A53014"));
        var recovered = await PullAsync("feed");

        Assert.Equal(("failed", "succeeded"), (failed.GetProperty("status").GetString(), recovered.GetProperty("status").GetString()));
        var health = (await GetAsync("/health")).Body;
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("succeeded", Assert.Single(health.GetProperty("sources").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ScheduledSource_IsPulledByQuartzOnItsCron()
    {
        WriteNotices(Notice(version: 1, "A53014"));

        // The real clock: Quartz fires the every-second trigger by itself, nothing in the test calls the source.
        await StartAsync(schedule: "* * * * * ?", clock: TimeProvider.System);

        var lines = await SinkLinesAsync(count: 1);
        Assert.Equal("RecallReceived", lines[0][1]);
    }

    private async Task StartAsync(string morePlugins = "", string? schedule = null, TimeProvider? clock = null)
    {
        _folders.AddPlugin("feed", "feed", "source");
        _folders.AddPlugin("lgo", "lgo", "sink");
        string scheduleMember = schedule is null ? "" : $", \"schedule\": \"{schedule}\"";
        _folders.WritePluginsJson($$"""
            { "plugins": [
                { "id": "feed", "folder": "plugins/feed"{{scheduleMember}}, "settings": { "file": {{JsonSerializer.Serialize(NoticesFile)}} } },
                { "id": "lgo", "folder": "plugins/lgo", "settings": { "file": {{JsonSerializer.Serialize(EventsFile)}}, "fail_while_exists": {{JsonSerializer.Serialize(SinkDownFlag)}} } }
                {{morePlugins}}
            ] }
            """);
        var time = clock ?? _clock;
        _store = await SqliteRecallHubStore.OpenAsync(Path.Combine(_folders.Root, "hub.db"), time, cancellationToken: Cancel);
        _catalog = PluginCatalog.Load(PluginsFile.Read(_folders.PluginsJson));
        _app = HubWebApplication.Build("http://127.0.0.1:0", time, _catalog, new Dictionary<string, string?>
        {
            ["Hub:ApiKeys:0:Name"] = "pharmacist",
            ["Hub:ApiKeys:0:Key"] = AdminKey,
            ["Hub:ApiKeys:0:Scopes:0"] = "admin",

            // These tests count the sink's events; the digest (caught up at start, past 07:30) has its own tests.
            ["Hub:Digest:Enabled"] = "false",
        }, _store, runPlugins: true);
        await _app.StartAsync(Cancel);
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    private static string PackCode(string lot, string serial) => $"]d201034009302703871728022910{lot}\u001d21{serial}";

    private static RecallNotice Notice(int version, params string[] lots) => new()
    {
        Source = "ansm",
        SourceId = "amlodipine-2026-11",
        Version = version,
        Title = "Amlodipine Biogaran 5 mg : rappel de lots",
        AlertNumber = "MED26/A019/B018",
        PublishedAt = Some.Today,
        Actions = ["Mettre les boîtes en quarantaine et les retourner au laboratoire"],
        Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270387", "Amlodipine Biogaran 5 mg", new LotSelector { Lots = [.. lots.Select(l => new LotEntry(l))] })],
    };

    private void WriteNotices(params RecallNotice[] notices) =>
        File.WriteAllText(NoticesFile, "[" + string.Join(",", notices.Select(n => RecallNoticeJson.Serialize(n))) + "]");

    private async Task<JsonElement> ScanAsync(params string[] codes)
    {
        using var response = await _http!.PostAsJsonAsync(
            new Uri("/api/v1/scans", UriKind.Relative),
            new { scans = codes.Select(code => new { code, @event = "reception", workstation = "reception-1", @operator = "Claire" }) },
            Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    private async Task<JsonElement> PullAsync(string source)
    {
        var (status, body) = await PostAsync($"/api/v1/sources/{source}/pull");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private async Task<string?> VerdictAsync(string code)
    {
        using var response = await _http!.PostAsJsonAsync(new Uri("/api/v1/check", UriKind.Relative), new { code }, Cancel);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("verdict").GetString();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path)
    {
        using var response = await _http!.PostAsync(new Uri(path, UriKind.Relative), null, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http!.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    private async Task<JsonElement> SinkHealthAsync() =>
        Assert.Single((await GetAsync("/health")).Body.GetProperty("sinks").EnumerateArray(), s => s.GetProperty("id").GetString() == "lgo");

    // The sink is fed in the background: wait (bounded) for the lines, then check what they say.
    private async Task<string[][]> SinkLinesAsync(int count, TimeSpan? tick = null)
    {
        await EventuallyAsync(() => Task.FromResult(File.Exists(EventsFile) && File.ReadAllLines(EventsFile).Length >= count), tick: tick);
        return [.. File.ReadAllLines(EventsFile).Select(l => l.Split(' '))];
    }

    // Waits (bounded) for what the hub does in the background; with a tick, the fake clock moves on between looks so
    // that retry times come due — in steps, because the hub may not be waiting on its timer yet when the clock moves.
    private async Task EventuallyAsync(Func<Task<bool>> condition, Func<Task<string>>? describe = null, TimeSpan? tick = null)
    {
        for (int i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            if (tick is { } step)
            {
                _clock.Advance(step);
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail("The condition did not come true within 15 s." + (describe is null ? "" : " " + await describe()));
    }
}
