using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing.Tests.Support;

namespace RecallHub.Plugins.Testing.Tests.Sources;

public sealed class SourceRunTests : IAsyncLifetime
{
    private RecordedHttpServer _server = null!;
    private readonly TestSourceContext _context = new("paged-feed");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await RecordedHttpServer.StartAsync(_context.Clock, Cancel);
        _context.WithSettings(new { url = _server.Url(Feed.Path) });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _context.Dispose();
    }

    [Fact]
    public async Task Pull_FetchesEveryPageWhileTheSourceHasMore_AndKeepsTheLastCheckpoint()
    {
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2), Feed.Item(3), Feed.Item(4), Feed.Item(5));
        await using var run = await SourceRun.StartAsync(new PagedFeedSource(), _context, Cancel);

        var pull = await run.PullAsync(Cancel);

        Assert.Equal(3, pull.Pages.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], pull.Notices.Select(n => n.SourceId));
        Assert.Equal(("5", "5"), (pull.Checkpoint, run.Checkpoint));
        Assert.Equal(["/feed?after=0", "/feed?after=2", "/feed?after=4"], _server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Pull_MovesTheFakeClockThroughTheSourcesPauses()
    {
        Feed.Serve(_server, Feed.Item(1));
        await using var run = await SourceRun.StartAsync(new PagedFeedSource(), _context, Cancel);

        await run.PullAsync(Cancel);

        Assert.True(_server.Requests[0].At - Some.Now >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task NextPull_StartsFromTheStoredCheckpoint()
    {
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2));
        await using var run = await SourceRun.StartAsync(new PagedFeedSource(), _context, Cancel);
        await run.PullAsync(Cancel);

        var next = await run.PullAsync(Cancel);

        Assert.Equal("2", next.From);
        Assert.Empty(next.Notices);
        Assert.Equal("2", next.Checkpoint);
    }

    [Fact]
    public async Task Page_TheHubWouldRefuse_FailsThePullNamingTheNoticeAndTheProblem()
    {
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2, cip13: "3400930270386"));
        await using var run = await SourceRun.StartAsync(new PagedFeedSource(), _context, Cancel);

        var e = await Assert.ThrowsAsync<PluginAssertionException>(() => run.PullAsync(Cancel));

        Assert.Contains("page 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("paged-feed/2 v1: $.products[0].code: '3400930270386' is not a CIP13", e.Message, StringComparison.Ordinal);
        Assert.Null(run.Checkpoint);
    }

    [Fact]
    public async Task Source_ThatNeverEnds_IsStoppedAtTheHubsLimit()
    {
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2), Feed.Item(3));
        await using var run = await SourceRun.StartAsync(new PagedFeedSource(), _context.WithSettings(new { url = _server.Url(Feed.Path), ignore_checkpoint = true }), Cancel);
        run.MaxFetches = 3;

        var e = await Assert.ThrowsAsync<PluginAssertionException>(() => run.PullAsync(Cancel));

        Assert.Contains("still said it had more after 3 fetches", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsARecordedPayloadWithoutStartingTheSource()
    {
        string file = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "items": [{ "number": 7, "title": "Rappel 7", "cip13": null }], "more": false }""");
        try
        {
            var notice = Assert.Single(SourceRun.ParseFile(new PagedFeedSource(), file, "application/json"));

            Assert.Equal(("7", true), (notice.SourceId, notice.IsLowConfidence));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_WithWrongSettings_FailsAsInTheHub()
    {
        using var context = new TestSourceContext("paged-feed").WithSettings(new { url = "ftp://example" });

        var e = await Assert.ThrowsAsync<PluginConfigurationException>(() => SourceRun.StartAsync(new PagedFeedSource(), context, Cancel));

        Assert.Contains("'url'", e.Message, StringComparison.Ordinal);
    }
}
