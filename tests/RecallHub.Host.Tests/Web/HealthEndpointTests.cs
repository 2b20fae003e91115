using System.Net;
using System.Text.Json;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;
using RecallHub.Host.Web;

namespace RecallHub.Host.Tests.Web;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_AnswersOverRealHttpWithStatusVersionAndUptime()
    {
        var clock = Some.Clock();
        await using var app = HubWebApplication.Build("http://127.0.0.1:0", clock);
        await app.StartAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(5));

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", json.GetProperty("version").GetString());
        Assert.Equal(300, json.GetProperty("uptime_seconds").GetInt64());
        Assert.Equal("ok", json.GetProperty("checks").GetProperty("identifiers").GetString());
        Assert.Equal(0, json.GetProperty("plugins").GetArrayLength());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Health_ShowsEachPluginAndIsDegradedWhenOneFailed()
    {
        using var folders = new PluginFolders();
        folders.AddPlugin("notices", "json-notices", "source");
        folders.WritePluginsJson("""
            { "plugins": [ { "id": "json-notices", "folder": "plugins/notices" }, { "id": "ansm", "folder": "plugins/ansm" } ] }
            """);
        using var catalog = PluginCatalog.Load(PluginsFile.Read(folders.PluginsJson));
        await using var app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock(), catalog);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("degraded", json.GetProperty("status").GetString());
        var plugins = json.GetProperty("plugins").EnumerateArray().ToList();
        Assert.Equal(["loaded", "failed"], plugins.Select(p => p.GetProperty("state").GetString()));
        Assert.Contains("does not exist", plugins[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task UnknownPaths_AreNotFound()
    {
        await using var app = HubWebApplication.Build("http://127.0.0.1:0", Some.Clock());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await http.GetAsync(new Uri("/nope", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
