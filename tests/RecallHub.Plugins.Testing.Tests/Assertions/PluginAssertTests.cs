using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing.Tests.Support;

namespace RecallHub.Plugins.Testing.Tests.Assertions;

public sealed class PluginAssertTests : IAsyncLifetime
{
    private RecordedHttpServer _server = null!;
    private readonly TestSourceContext _context = new("paged-feed");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await RecordedHttpServer.StartAsync(_context.Clock, Cancel);
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2), Feed.Item(3));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _context.Dispose();
    }

    private Task<SourceRun> StartAsync(object settings) => SourceRun.StartAsync(new PagedFeedSource(), _context.WithSettings(settings), Cancel);

    [Fact]
    public async Task SourceThatHonoursItsCheckpoint_Passes()
    {
        await using var run = await StartAsync(new { url = _server.Url(Feed.Path) });

        var (first, next) = await PluginAssert.HonoursCheckpointAsync(run, Cancel);

        Assert.Equal((3, 0), (first.Notices.Count, next.Notices.Count));
    }

    [Fact]
    public async Task SourceThatIgnoresItsCheckpoint_IsCaught()
    {
        Feed.Serve(_server, Feed.Item(1), Feed.Item(2));
        await using var run = await StartAsync(new { url = _server.Url(Feed.Path), ignore_checkpoint = true });

        var e = await Assert.ThrowsAsync<PluginAssertionException>(() => PluginAssert.HonoursCheckpointAsync(run, Cancel));

        Assert.Contains("gave all 2 notices of the first load again: the source ignores its checkpoint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceWhoseIdsComeFromTheClock_IsNotIdempotent()
    {
        await using var good = await StartAsync(new { url = _server.Url(Feed.Path) });
        await PluginAssert.PullsIdempotentlyAsync(good, cancellationToken: Cancel);
        await using var clocked = await StartAsync(new { url = _server.Url(Feed.Path), clocked_ids = true });

        var e = await Assert.ThrowsAsync<PluginAssertionException>(() => PluginAssert.PullsIdempotentlyAsync(clocked, cancellationToken: Cancel));

        Assert.Contains("the source is not idempotent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesIdempotently_ReturnsTheWellFormedNotices()
    {
        var payload = new SourcePayload("""{ "items": [{ "number": 1, "title": "Rappel 1", "cip13": "3400930270387" }], "more": false }""");

        var notice = Assert.Single(PluginAssert.ParsesIdempotently(new PagedFeedSource(), payload));

        Assert.Equal("3400930270387", Assert.Single(notice.Products).Code);
    }

    [Fact]
    public void ManifestBesideThePlugin_IsOneTheHubLoads()
    {
        var manifest = PluginAssert.HasValidManifest<PagedFeedSource>();

        Assert.Equal(("paged-feed", PluginKind.Source), (manifest.Id, manifest.Kind));
    }

    [Fact]
    public void ManifestOfAnotherKind_IsCaught()
    {
        var e = Assert.Throws<PluginAssertionException>(() => PluginAssert.HasValidManifest<LedgerSink>());

        Assert.Contains("kind is 'source' but LedgerSink is a sink", e.Message, StringComparison.Ordinal);
    }
}
