using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sinks.Example.Tests;

/// <summary>The sink handed events as the hub hands them, writing into a temporary folder.</summary>
public sealed class EventFileSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("event-file-").FullName;
    private readonly TestPluginContext _context = new(EventFileSink.Id);

    public EventFileSinkTests() => _context.WithSettings(new { path = FilePath });

    private string FilePath => Path.Combine(_folder, "events.jsonl");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _context.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private JsonElement[] Lines() => [.. File.ReadAllLines(FilePath).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Fact]
    public async Task Events_AreWrittenOneLineEach_InOrder()
    {
        var notice = Some.Notice(title: "Paracétamol Exemple 1 g : rappel de lots");
        var pack = Some.Pack(lot: "A53014");
        await using var run = await SinkRun.StartAsync(new EventFileSink(), _context, Cancel);

        var result = await run.DeliverAsync([Some.RecallReceived(notice, recallId: 7), Some.StockBlocked(pack, recallId: 7)], Cancel);

        result.ThrowIfFailed();
        var lines = Lines();
        Assert.Equal(["recall_received", "stock_blocked"], lines.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal("Paracétamol Exemple 1 g : rappel de lots", lines[0].GetProperty("title").GetString());
        Assert.Equal("A53014", lines[1].GetProperty("pack").GetProperty("lot").GetString());
        Assert.Equal(7, lines[1].GetProperty("recall_id").GetInt64());
        Assert.Contains("\"title\":\"Paracétamol Exemple 1 g : rappel de lots\"", File.ReadAllLines(FilePath)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchHandedOverAgain_IsNotWrittenTwice()
    {
        await using var run = await SinkRun.StartAsync(new EventFileSink(), _context, Cancel);
        var first = await run.DeliverAsync([Some.RecallReceived(), Some.StockBlocked()], Cancel);

        // The hub could not record the delivery (a crash): it hands the same batch over again.
        await run.DeliverAsync(first.Batches[0], Cancel);

        Assert.Equal(2, Lines().Length);
    }

    [Fact]
    public async Task RestartedSink_RemembersWhatItWrote()
    {
        await using var run = await SinkRun.StartAsync(new EventFileSink(), _context, Cancel);
        var first = await run.DeliverAsync([Some.RecallReceived()], Cancel);
        using var restarted = new TestPluginContext(EventFileSink.Id, state: _context.State).WithSettings(new { path = FilePath });
        await using var again = await SinkRun.StartAsync(new EventFileSink(), restarted, Cancel);

        await again.DeliverAsync(first.Delivered, Cancel);

        Assert.Single(Lines());
    }

    [Fact]
    public async Task MissingFolder_IsRefusedNamingTheSetting()
    {
        using var context = new TestPluginContext(EventFileSink.Id).WithSettings(new { path = Path.Combine(_folder, "nowhere", "events.jsonl") });

        var e = await Assert.ThrowsAsync<PluginConfigurationException>(() => SinkRun.StartAsync(new EventFileSink(), context, Cancel));

        Assert.Contains("'path'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginJson_IsOneTheHubLoads() =>
        Assert.Equal(EventFileSink.Id, PluginAssert.HasValidManifest<EventFileSink>().Id);
}
