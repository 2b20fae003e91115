using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sources.Ansm.Tests.Support;

namespace RecallHub.Sources.Ansm.Tests;

/// <summary>The plugin pulling from a real HTTP server on 127.0.0.1 (the kit's RecordedHttpServer) that serves the recorded ANSM pages.</summary>
public sealed class AnsmSourceTests : IAsyncLifetime
{
    private const string TavneosCheckpoint = "2026-08-19 " + Samples.TavneosPath;
    private const string CatheterCheckpoint = "2026-08-12 " + Samples.CatheterPath;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 20, 7, 0, 0, TimeSpan.Zero));
    private RecordedHttpServer _site = null!;
    private TestSourceContext _context = null!;
    private readonly AnsmSource _source = new();

    public async ValueTask InitializeAsync()
    {
        _context = new TestSourceContext("ansm", _clock);
        _site = await RecordedHttpServer.StartAsync(_clock, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        _context.Dispose();
    }

    private async Task StartAsync(string settings = "")
    {
        string json = $$"""{ "base_url": "{{_site.Url(Samples.ListingPath)}}", "delay": 2, "retry_delay": 5{{settings}} }""";
        var context = new TestSourceContext("ansm", _clock).WithSettings(json);
        _context.Dispose();
        _context = context;
        await _source.StartAsync(_context, TestContext.Current.CancellationToken);
    }

    private Task<SourceFetchResult> FetchAsync(string? checkpoint) =>
        _context.RunWithClockAsync(() => _source.FetchAsync(checkpoint, TestContext.Current.CancellationToken).AsTask());

    [Fact]
    public async Task FirstPull_WalksEveryPageAndReturnsEveryNoticeOldestFirst()
    {
        Samples.ServeSite(_site);
        await StartAsync();

        var result = await FetchAsync(null);

        Assert.Equal(
            ["amlodipine-eg-5-mg-et-10-mg-gelule-laboratoires-eg-labo", "rapid-refill-continuous-injection-system-boston-scientific",
             "lecteur-de-glycemie-exemple-information-de-securite", "catheter-exemple-xyz-fabricant-exemple",
             "temozolomide-accord-250-mg-gelule-laboratoire-accord-healtcare-france-sas", "tavneos-10-mg-gelule-laboratoire-vifor-france"],
            result.Notices.Select(n => n.SourceId));
        Assert.Equal(TavneosCheckpoint, result.Checkpoint);
        Assert.False(result.HasMore);
        NoticeAssert.WellFormed(result.Notices);

        // Pages that were read give products; the invented cards have no page (404) and are kept from their card.
        Assert.Equal(2, result.Notices[0].Products.Count);
        Assert.Equal(2, result.Notices[^1].Products.Count);
        Assert.Equal(_site.Url(Samples.TavneosPath), result.Notices[^1].Links[0].Url);
        Assert.All(result.Notices.Where(n => n.Products.Count == 0), n => Assert.True(n.IsLowConfidence));
        Assert.Single(_site.RequestsFor(Samples.ListingPath + "?page=2"));
    }

    [Fact]
    public async Task Requests_ArePoliteSpacedAndSayWhoTheyAre()
    {
        Samples.ServeSite(_site);
        await StartAsync();

        await FetchAsync(null);

        var requests = _site.Requests;
        Assert.Equal(8, requests.Count);
        Assert.All(requests.Zip(requests.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(2), $"{pair.First} then {pair.Second}"));
        Assert.All(requests, r => Assert.Contains("RecallHub", r.Header("User-Agent"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NextPull_StopsAtTheCheckpoint()
    {
        Samples.ServeSite(_site);
        await StartAsync();

        var result = await FetchAsync(CatheterCheckpoint);

        Assert.Equal(
            ["temozolomide-accord-250-mg-gelule-laboratoire-accord-healtcare-france-sas", "tavneos-10-mg-gelule-laboratoire-vifor-france"],
            result.Notices.Select(n => n.SourceId));
        Assert.Equal(TavneosCheckpoint, result.Checkpoint);
        Assert.Empty(_site.RequestsFor(Samples.ListingPath + "?page=2"));
        Assert.Empty(_site.RequestsFor(Samples.CatheterPath));
    }

    [Fact]
    public async Task Pull_AtTheNewestNotice_FindsNothingNew()
    {
        Samples.ServeSite(_site);
        await StartAsync();

        var result = await FetchAsync(TavneosCheckpoint);

        Assert.Empty(result.Notices);
        Assert.Equal(TavneosCheckpoint, result.Checkpoint);
        Assert.Single(_site.Requests);
    }

    [Fact]
    public async Task Batches_AdvanceTheCheckpointAndWalkTheListingOnce()
    {
        Samples.ServeSite(_site);
        await StartAsync(""", "batch_size": 4""");

        var first = await FetchAsync(null);
        var second = await FetchAsync(first.Checkpoint);

        Assert.Equal(4, first.Notices.Count);
        Assert.True(first.HasMore);
        Assert.Equal(CatheterCheckpoint, first.Checkpoint);
        Assert.Equal(2, second.Notices.Count);
        Assert.False(second.HasMore);
        Assert.Equal(TavneosCheckpoint, second.Checkpoint);
        Assert.Single(_site.RequestsFor(Samples.ListingPath));
    }

    [Fact]
    public async Task Filters_KeepOnlyTheWantedCategoriesAndTypes_ButTheCheckpointStillMoves()
    {
        Samples.ServeSite(_site);
        await StartAsync(""", "categories": ["rappel de produit"], "product_types": ["Medicaments"]""");

        var result = await FetchAsync(null);

        Assert.Equal(3, result.Notices.Count);
        Assert.All(result.Notices, n => Assert.Equal(NoticeKind.LotRecall, n.Kind));
        Assert.Equal(TavneosCheckpoint, result.Checkpoint);
        Assert.Empty(_site.RequestsFor(Samples.RapidRefillPath));
    }

    [Fact]
    public async Task Since_StopsTheFirstPullAtThatDate()
    {
        Samples.ServeSite(_site);
        await StartAsync(""", "since": "2026-08-12" """);

        var result = await FetchAsync(null);

        Assert.Equal(3, result.Notices.Count);
        Assert.Empty(_site.RequestsFor(Samples.ListingPath + "?page=2"));
    }

    [Fact]
    public async Task ChangedPageStructure_FailsThePullWithAClearError()
    {
        Samples.Serve(_site, Samples.ListingPath, Samples.ChangedListing);
        await StartAsync();

        var e = await Assert.ThrowsAsync<AnsmPageStructureException>(() => FetchAsync(TavneosCheckpoint));

        Assert.Contains("structure has probably changed", e.Message, StringComparison.Ordinal);
        Assert.Contains("article.article-item", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_IsRetriedWithBackoff_ThenSucceeds()
    {
        Samples.ServeSite(_site);
        _site.FailFirst(Samples.ListingPath, 2, 503);
        await StartAsync();

        var result = await FetchAsync(CatheterCheckpoint);

        Assert.Equal(2, result.Notices.Count);
        var listing = _site.RequestsFor(Samples.ListingPath);
        Assert.Equal(3, listing.Count);
        Assert.True(listing[1].At - listing[0].At >= TimeSpan.FromSeconds(5));
        Assert.True(listing[2].At - listing[1].At >= TimeSpan.FromSeconds(10));
        Assert.Contains(_context.Log.Entries, e => e.Level == PluginLogLevel.Warning && e.Message.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerError_AfterEveryRetry_FailsThePull()
    {
        Samples.Serve(_site, Samples.ListingPath, Samples.Listing);
        _site.FailFirst(Samples.ListingPath, 10, 500);
        await StartAsync(""", "retries": 2""");

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => FetchAsync(TavneosCheckpoint));

        Assert.Contains("failed 3 time(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, _site.Requests.Count);
    }

    [Fact]
    public async Task UnchangedListing_AnswersNotModified_AndNothingMoreIsAsked()
    {
        Samples.ServeSite(_site, listingETag: "\"v1\"");
        await StartAsync();
        var first = await FetchAsync(null);
        int before = _site.Requests.Count;

        var second = await FetchAsync(first.Checkpoint);

        Assert.Null(_site.RequestsFor(Samples.ListingPath)[0].Header("If-None-Match"));
        var again = Assert.Single(_site.Requests.Skip(before));
        Assert.Equal("\"v1\"", again.Header("If-None-Match"));
        Assert.Empty(second.Notices);
        Assert.Equal(first.Checkpoint, second.Checkpoint);
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task ConditionalRequest_IsNotSent_WhenTheHubComesBackWithAnOlderCheckpoint()
    {
        Samples.ServeSite(_site, listingETag: "\"v1\"");
        await StartAsync();
        await FetchAsync(null);
        int before = _site.Requests.Count;

        // The previous pull's notices were not committed: the hub asks again from where it was.
        var retry = await FetchAsync(CatheterCheckpoint);

        Assert.Null(_site.Requests[before].Header("If-None-Match"));
        Assert.Equal(2, retry.Notices.Count);
    }

    [Fact]
    public void PluginJson_BesideTheAssembly_IsOneTheHubLoads() =>
        Assert.Equal("ansm", PluginAssert.HasValidManifest<AnsmSource>().Id);

    [Fact]
    public async Task Settings_ThatAreWrong_AreRefusedWithTheirName()
    {
        using var context = new TestSourceContext("ansm").WithSettings("""{ "since": "19/08/2026" }""");

        var e = await Assert.ThrowsAsync<PluginConfigurationException>(() => _source.StartAsync(context, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("'since'", e.Message, StringComparison.Ordinal);
    }
}
