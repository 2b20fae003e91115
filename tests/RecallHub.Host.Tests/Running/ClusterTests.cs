using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Host.Tests.Support;
using RecallHub.Tests.PostgreSql;

namespace RecallHub.Host.Tests.Running;

/// <summary>
/// Two real <c>recallhub run</c> processes on one PostgreSQL database, as two hosts behind a reverse proxy: the
/// clustered schedule fires each pull once across both, a host that dies leaves the schedule to the other, and the
/// sink gets every event once and in order whichever host delivers.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const string Pharmacy = "750712184";
    private const string PharmacyKey = "pharmacy-key-0123456789abcdef";
    private const string OperatorKey = "operator-key-0123456789abcdef";

    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "recallhub.dll");

    // The hosts are real processes on the real clock; the test compares the pull times they log with it.
    private static readonly TimeProvider Wall = TimeProvider.System;

    private readonly PluginFolders _folders = new();
    private readonly List<Host> _hosts = [];
    private string? _database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string PullLog => Path.Combine(_folders.Root, "pulls.txt");

    private string EventsFile => Path.Combine(_folders.Root, "events.txt");

    public async ValueTask InitializeAsync()
    {
        _database = await TestPostgreSqlServer.CreateDatabaseAsync();
        _folders.AddPlugin("feed", "feed", "source");
        _folders.AddPlugin("probe", "probe", "sink");
        File.WriteAllText(Path.Combine(_folders.Root, "notices.json"), "[]");
        WritePluginsJson(sinkHost: null);
    }

    // The same plugins.json for every host, as a deployment has it.
    private void WritePluginsJson(string? sinkHost) =>
        _folders.WritePluginsJson($$"""
            { "plugins": [
                { "id": "feed", "folder": "plugins/feed", "schedule": "* * * * * ?",
                  "settings": { "file": {{JsonSerializer.Serialize(Path.Combine(_folders.Root, "notices.json"))}}, "pull_log": {{JsonSerializer.Serialize(PullLog)}} } },
                { "id": "probe", "folder": "plugins/probe"{{(sinkHost is null ? "" : $", \"host\": \"{sinkHost}\"")}}, "settings": { "file": {{JsonSerializer.Serialize(EventsFile)}} } }
            ] }
            """);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        if (_database is not null)
        {
            await TestPostgreSqlServer.DropDatabaseAsync(_database);
        }

        _folders.Dispose();
    }

    [Fact]
    public async Task TwoHosts_FireEachScheduledPullOnce_AndOneTakesOverWhenTheOtherDies()
    {
        var first = await StartHostAsync();
        var second = await StartHostAsync();
        await EventuallyAsync(() => Pulls().Count >= 3, "the schedule never fired");

        // Every second for six seconds with both hosts up: six or seven pulls in all, not twelve.
        var from = Wall.GetUtcNow();
        await Task.Delay(TimeSpan.FromSeconds(6), Token);
        var to = Wall.GetUtcNow();
        var both = Pulls().Where(p => p.At >= from && p.At < to).ToList();
        Assert.InRange(both.Count, 4, 7);
        Assert.Equal(both.Count, both.Select(p => p.At.ToUnixTimeSeconds()).Distinct().Count());

        first.Kill();
        var afterKill = Wall.GetUtcNow();
        await EventuallyAsync(() => Pulls().Count(p => p.At > afterKill.AddSeconds(1)) >= 3, "the surviving host did not go on pulling");
        Assert.All(Pulls().Where(p => p.At > afterKill.AddSeconds(1)), p => Assert.Equal(second.ProcessId, p.ProcessId));
    }

    [Fact]
    public async Task TwoHosts_DeliverEveryEventOnce_InTheOrderItHappened()
    {
        var first = await StartHostAsync();
        var second = await StartHostAsync();

        // Twelve recalls pushed alternately to each host: each is announced to the sink by one of them.
        const int Recalls = 12;
        for (int i = 0; i < Recalls; i++)
        {
            var host = i % 2 == 0 ? first : second;
            using var response = await host.Http.PostAsJsonAsync("/api/v1/notices", JsonDocument.Parse(RecallNoticeJson.Serialize(Notice(i))).RootElement, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await EventuallyAsync(() => Events().Count >= Recalls, "the sink did not get every event");
        await Task.Delay(TimeSpan.FromSeconds(2), Token); // a duplicate would arrive by now
        var events = Events();

        Assert.Equal(Recalls, events.Count);
        Assert.Equal(Recalls, events.Select(e => e[0]).Distinct().Count());
        Assert.All(events, e => Assert.Equal("RecallReceived", e[1]));
        Assert.Equal(Enumerable.Range(1, Recalls).Select(i => i.ToString(CultureInfo.InvariantCulture)), events.Select(e => e[2]));
    }

    [Fact]
    public async Task ASinkPinnedToOneHost_IsDeliveredByThatHostOnly_WhicheverHostTheEventsCameFrom()
    {
        WritePluginsJson(sinkHost: "alpha");
        var alpha = await StartHostAsync("alpha");
        var beta = await StartHostAsync("beta");

        const int Recalls = 4;
        for (int i = 0; i < Recalls; i++)
        {
            using var response = await beta.Http.PostAsJsonAsync("/api/v1/notices", JsonDocument.Parse(RecallNoticeJson.Serialize(Notice(i))).RootElement, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await EventuallyAsync(() => Events().Count >= Recalls, "the pinned sink did not get the events");
        Assert.Equal(Enumerable.Range(1, Recalls).Select(i => i.ToString(CultureInfo.InvariantCulture)), Events().Select(e => e[2]));
        Assert.Contains("Plugin probe runs on host alpha, not on this one (beta)", beta.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Plugin probe runs on host", alpha.Output, StringComparison.Ordinal);
    }

    private static RecallNotice Notice(int i) => new()
    {
        Source = "dp-rappels",
        SourceId = $"cluster-{i}",
        Version = 1,
        Title = $"Rappel de lot n° {i}",
        PublishedAt = Some.Today,
        Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270387", "Amlodipine Biogaran 5 mg", new LotSelector { Lots = [new LotEntry($"LOT{i:D4}")] })],
    };

    private List<(int ProcessId, DateTimeOffset At)> Pulls() =>
        [.. ReadLines(PullLog).Select(l => l.Split(' ')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), DateTimeOffset.Parse(p[1], CultureInfo.InvariantCulture)))];

    private List<string[]> Events() => [.. ReadLines(EventsFile).Select(l => l.Split(' '))];

    private static string[] ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<Host> StartHostAsync(string? name = null)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folders.Root,
        };
        foreach (string arg in new[] { Executable, "run", "--urls", $"http://127.0.0.1:{port}", "--plugins", _folders.PluginsJson })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Hub__Store__PostgreSql"] = _database;
        start.Environment["Hub__Pharmacies__0__Finess"] = Pharmacy;
        start.Environment["Hub__ApiKeys__0__Name"] = "pharmacy";
        start.Environment["Hub__ApiKeys__0__Key"] = PharmacyKey;
        start.Environment["Hub__ApiKeys__0__Scopes__0"] = "admin";
        start.Environment["Hub__ApiKeys__0__Pharmacy"] = Pharmacy;
        start.Environment["Hub__ApiKeys__1__Name"] = "operator";
        start.Environment["Hub__ApiKeys__1__Key"] = OperatorKey;
        start.Environment["Hub__ApiKeys__1__Scopes__0"] = "admin";
        start.Environment["Hub__Digest__Enabled"] = "false";
        if (name is not null)
        {
            start.Environment["Hub__HostName"] = name;
        }

        var host = new Host(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
        _hosts.Add(host);
        await EventuallyAsync(async () => await host.IsUpAsync(), () => $"the host on port {port} did not start:\n{host.Output}");
        return host;
    }

    private static Task EventuallyAsync(Func<bool> condition, string failure) =>
        EventuallyAsync(() => Task.FromResult(condition()), () => failure);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, Token);
        }

        Assert.Fail(failure());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One <c>recallhub run</c> process; its output is kept for the failure message.</summary>
    private sealed class Host : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public Host(Process process, int port)
        {
            _process = process;
            ProcessId = process.Id;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Http.DefaultRequestHeaders.Add("X-Api-Key", OperatorKey);

            // Drained as it comes: a full pipe would stall the host.
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int ProcessId { get; }

        public HttpClient Http { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<bool> IsUpAsync()
        {
            try
            {
                using var response = await Http.GetAsync("/health", Token);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return !_process.HasExited ? false : throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            }
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
            Http.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
