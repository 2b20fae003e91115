using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Host.Plugins;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Plugins;

public sealed class HostPluginContextTests
{
    private static readonly PluginEntry Entry = new(
        "acl-sante", "plugins/acl", Enabled: true, Schedule: null,
        JsonDocument.Parse("""{ "token": "env:NOT_SET_ANYWHERE_1234" }""").RootElement, Sha256: null);

    private sealed class NoState : IPluginStateStore
    {
        public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);

        public ValueTask SetAsync(string key, string value, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private static (HostPluginContext Context, CollectingLoggerProvider Logs, List<(string, IReadOnlyList<RecallNotice>)> Published) Create(ServiceProvider services)
    {
        var logs = new CollectingLoggerProvider();
        var published = new List<(string, IReadOnlyList<RecallNotice>)>();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var context = new HostPluginContext(Entry, loggers, Some.Clock(), services.GetRequiredService<IHttpClientFactory>(), new NoState(), (id, notices, _) =>
        {
            published.Add((id, notices));
            return ValueTask.CompletedTask;
        });
        return (context, logs, published);
    }

    private static ServiceProvider Services() =>
        new ServiceCollection().AddPluginHttpClients(["acl-sante"], "0.1.0").BuildServiceProvider();

    [Fact]
    public void Log_WritesUnderThePluginsCategoryWithBracesKept()
    {
        using var services = Services();
        var (context, logs, _) = Create(services);

        context.Log.Write(PluginLogLevel.Warning, "Page {2} had no card", new IOException("boom"));

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(("RecallHub.Plugins.acl-sante", LogLevel.Warning, "Page {2} had no card"), (entry.Category, entry.Level, entry.Message));
        Assert.IsType<IOException>(entry.Exception);
    }

    [Fact]
    public void Settings_AreThePluginsOwnAndNameIt()
    {
        using var services = Services();
        var (context, _, _) = Create(services);

        var error = Assert.Throws<PluginConfigurationException>(() => context.Settings.GetSecret("token"));
        Assert.Contains("plugin 'acl-sante' reads environment variable 'NOT_SET_ANYWHERE_1234'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Some.Today, context.Time.GetUtcNow());
    }

    [Fact]
    public async Task CreateHttpClient_IdentifiesRecallHubAndThePluginToTheServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapGet("/ua", (HttpContext http) => http.Request.Headers.UserAgent.ToString());
        await server.StartAsync(TestContext.Current.CancellationToken);
        using var services = Services();
        var (context, _, _) = Create(services);

        using var client = context.CreateHttpClient();
        string userAgent = await client.GetStringAsync(new Uri(new Uri(server.Urls.First()), "/ua"), TestContext.Current.CancellationToken);

        Assert.StartsWith("RecallHub/0.1.0 (plugin acl-sante;", userAgent, StringComparison.Ordinal);
        await server.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PublishAsync_HandsValidNoticesToTheHubUnderThePluginsId()
    {
        using var services = Services();
        var (context, _, published) = Create(services);
        var notice = new RecallNotice { Source = "acl-sante", SourceId = "FSN-1", Title = "Info", Kind = NoticeKind.Information, PublishedAt = Some.Today };

        await context.PublishAsync([notice], TestContext.Current.CancellationToken);

        Assert.Equal("acl-sante", Assert.Single(published).Item1);
    }

    [Fact]
    public void PublishAsync_RefusesTheWholeBatchWhenOneNoticeIsInvalidAndSaysWhich()
    {
        using var services = Services();
        var (context, _, published) = Create(services);
        var good = new RecallNotice { Source = "acl-sante", SourceId = "FSN-1", Title = "Info", Kind = NoticeKind.Information, PublishedAt = Some.Today };

        var error = Assert.Throws<RecallNoticeFormatException>(() => context.PublishAsync([good, good with { Title = "" }], TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());

        Assert.Equal("notices[1].title", Assert.Single(error.Problems).Path);
        Assert.Empty(published);
    }
}
