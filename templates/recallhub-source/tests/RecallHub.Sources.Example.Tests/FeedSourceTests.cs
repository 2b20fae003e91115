using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;

namespace RecallHub.Sources.Example.Tests;

/// <summary>The source against its recorded feed, parsed offline and served by a local HTTP server.</summary>
public sealed class FeedSourceTests : IAsyncLifetime
{
    private const string FeedPath = "/rappels.json";

    private static readonly string RecordedFeed = Path.Combine(AppContext.BaseDirectory, "TestData", "recalls.json");

    private readonly TestSourceContext _context = new(FeedSource.Id);
    private RecordedHttpServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await RecordedHttpServer.StartAsync(_context.Clock, Cancel);
        _server.ServeFile(FeedPath, RecordedFeed);
        _context.WithSettings(new { url = _server.Url(FeedPath) });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _context.Dispose();
    }

    [Fact]
    public void RecordedFeed_ParsesIntoWellFormedNotices_TheSameEachTime()
    {
        var notices = PluginAssert.ParsesIdempotently(new FeedSource(), new SourcePayload(File.ReadAllText(RecordedFeed), "application/json"));

        Assert.Equal(["2026-0041", "2026-0042", "2026-0043"], notices.Select(n => n.SourceId));
        var paracetamol = Assert.Single(notices[0].Products);
        Assert.Equal((CodeScheme.Cip13, "3400930270387"), (paracetamol.CodeScheme, paracetamol.Code));
        Assert.Equal(["A53014", "A53015"], paracetamol.Selector.Lots.Select(l => l.Lot));
        Assert.True(Assert.Single(notices[1].Products).Selector.AllLots);
    }

    [Fact]
    public void CodeThatCannotBeMatched_IsKeptForPeople_AndTheNoticeFlagged()
    {
        var notice = SourceRun.ParseFile(new FeedSource(), RecordedFeed)[2];

        Assert.True(notice.IsLowConfidence);
        Assert.Equal(CodeScheme.Reference, Assert.Single(notice.Products).CodeScheme);
    }

    [Fact]
    public async Task Pulls_GiveEveryNoticeOnce_ThenOnlyWhatIsNew()
    {
        await using var run = await SourceRun.StartAsync(new FeedSource(), _context, Cancel);

        var (first, next) = await PluginAssert.HonoursCheckpointAsync(run, Cancel);

        Assert.Equal(3, first.Notices.Count);
        Assert.Equal("2026-03-01T08:15:00.0000000+00:00", first.Checkpoint);
        Assert.Empty(next.Notices);
        NoticeAssert.WellFormed(first.Notices);
    }

    [Fact]
    public async Task UnavailableFeed_FailsThePull_AndTheNextPullGetsEverything()
    {
        _server.FailFirst(FeedPath, 1, 503);
        await using var run = await SourceRun.StartAsync(new FeedSource(), _context, Cancel);

        await Assert.ThrowsAsync<HttpRequestException>(() => run.PullAsync(Cancel));
        var retry = await run.PullAsync(Cancel);

        Assert.Equal(3, retry.Notices.Count);
        Assert.Equal(2, _server.RequestsFor(FeedPath).Count);
    }

    [Fact]
    public async Task Token_IsReadFromTheEnvironmentAndSentAsABearer()
    {
        _context.WithSettings(new { url = _server.Url(FeedPath), token = "env:FEED_TOKEN" }).WithSecret("FEED_TOKEN", "s3cret");
        await using var run = await SourceRun.StartAsync(new FeedSource(), _context, Cancel);

        await run.PullAsync(Cancel);

        Assert.Equal("Bearer s3cret", _server.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task MissingUrl_IsRefusedNamingTheSetting()
    {
        using var context = new TestSourceContext(FeedSource.Id);

        var e = await Assert.ThrowsAsync<PluginConfigurationException>(() => SourceRun.StartAsync(new FeedSource(), context, Cancel));

        Assert.Contains("'url'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginJson_IsOneTheHubLoads() =>
        Assert.Equal(FeedSource.Id, PluginAssert.HasValidManifest<FeedSource>().Id);
}
