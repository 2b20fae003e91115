using System.Net;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Plugins;
using RecallHub.Plugins.Testing;
using RecallHub.Sources.RappelConso.Tests.Support;
using Some = RecallHub.Sources.RappelConso.Tests.Support.Some;

namespace RecallHub.Sources.RappelConso.Tests;

/// <summary>Pulls against a real HTTP server on 127.0.0.1 (the kit's RecordedHttpServer) serving the recorded payloads as the Explore API would.</summary>
public sealed class RappelConsoSourceTests : IAsyncLifetime
{
    private const string Constructed = "v2_records_response_constructed.json";
    private const string Real = "v2_record_real_2021-05-0242.json";

    private FakeOpenDataPortal? _portal;
    private RappelConsoSource? _source;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeOpenDataPortal Portal => _portal!;

    public async ValueTask InitializeAsync() => _portal = await FakeOpenDataPortal.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        await Portal.DisposeAsync();
    }

    private async Task<TestSourceContext> StartAsync(string settings = "")
    {
        var context = new TestSourceContext("rappelconso", Some.Clock()).WithSettings($$"""{ "base_url": "{{Portal.BaseUrl}}", "retry_delay": 1 {{settings}} }""");
        _source = new RappelConsoSource();
        await _source.StartAsync(context, Cancel);
        return context;
    }

    [Fact]
    public async Task FirstPull_ExportsTheWholeDatasetAndKeepsOnlyThePharmacysCategories()
    {
        Portal.Publish(TestData.Records(Constructed));
        Portal.Publish(TestData.Records(Real));
        await StartAsync();

        var result = await _source!.FetchAsync(null, Cancel);

        Assert.StartsWith($"/api/explore/v2.1/catalog/datasets/{FakeOpenDataPortal.Dataset}/exports/json?order_by=", Assert.Single(Portal.Requests), StringComparison.Ordinal);
        // The shoes (vêtements) are left out; cosmetics, the food supplement and the real dietetic product are kept.
        Assert.Equal(["2021-05-0242", "2026-03-0417", "2026-03-0422"], result.Notices.Select(n => n.SourceId));
        // The checkpoint follows every record read, kept or not: the shoes are the newest.
        Assert.Equal("2026-05-08T00:00:00Z", result.Checkpoint);
        Assert.False(result.HasMore);
    }

    [Fact]
    public async Task NextPull_AsksAgainFromTheCheckpointMinusTheOverlapAndGivesTheSameNoticesForTheSameRecords()
    {
        Portal.Publish(TestData.Records(Constructed).Take(2));
        await StartAsync();
        var first = await _source!.FetchAsync(null, Cancel);

        var second = await _source.FetchAsync(first.Checkpoint, Cancel);

        string query = Uri.UnescapeDataString(Portal.Requests[^1]);
        Assert.Contains("/records?where=date_publication >= date'2026-03-10T14:02:11Z'&order_by=date_publication,id&limit=100&offset=0", query, StringComparison.Ordinal);
        Assert.Equal(first.Notices.Select(n => RecallNoticeJson.Serialize(n)), second.Notices.Select(n => RecallNoticeJson.Serialize(n)));
        Assert.Equal(first.Checkpoint, second.Checkpoint);
    }

    [Fact]
    public async Task OneRecordTwiceInOnePull_GivesOneNotice()
    {
        string record = Some.Record(70001, "2026-03-15T10:00:00+00:00");
        Portal.Publish([record, record]);
        await StartAsync();

        var result = await _source!.FetchAsync("2026-03-14T00:00:00Z", Cancel);

        Assert.Equal("2026-03-70001", Assert.Single(result.Notices).SourceId);
    }

    [Fact]
    public async Task ManyRecordsSinceTheCheckpoint_ArePagedWithLimitAndOffset()
    {
        Portal.Publish(Enumerable.Range(1, 5).Select(i => Some.Record(70000 + i, $"2026-03-1{i}T10:00:00+00:00")));
        await StartAsync(""", "page_size": 2, "overlap": 0""");

        var result = await _source!.FetchAsync("2026-03-10T00:00:00Z", Cancel);

        Assert.Equal(["offset=0", "offset=2", "offset=4"], Portal.Requests.Select(r => r[r.LastIndexOf("offset=", StringComparison.Ordinal)..]));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"2026-03-{70000 + i:D5}"), result.Notices.Select(n => n.SourceId));
        Assert.Equal("2026-03-15T10:00:00Z", result.Checkpoint);
    }

    [Fact]
    public async Task MoreThanTenThousandRecordsSinceTheCheckpoint_AreExportedInsteadOfPaged()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Portal.Publish(Enumerable.Range(1, 10_000).Select(i =>
            Some.Record(i, start.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), "vêtements, mode, epi", "chaussures")));
        Portal.Publish([Some.Record(20_000, "2026-03-01T00:00:00+00:00")]);
        await StartAsync();

        var result = await _source!.FetchAsync("2025-12-31T00:00:00Z", Cancel);

        Assert.Equal(2, Portal.Requests.Count);
        Assert.Contains("/records?", Portal.Requests[0], StringComparison.Ordinal);
        Assert.Contains("/exports/json?where=", Portal.Requests[1], StringComparison.Ordinal);
        Assert.Equal("2026-03-20000", Assert.Single(result.Notices).SourceId);
        Assert.Equal("2026-03-01T00:00:00Z", result.Checkpoint);
    }

    [Fact]
    public async Task ServerErrorThenSuccess_RetriesAfterABackoffOnTheHubsClock()
    {
        Portal.Publish(TestData.Records(Constructed));
        Portal.FailNext(503);
        var context = await StartAsync();

        var result = await context.RunWithClockAsync(() => _source!.FetchAsync("2026-03-12T00:00:00Z", Cancel).AsTask(), TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, Portal.Requests.Count);
        Assert.Equal(2, result.Notices.Count);
        Assert.True(context.Clock.GetUtcNow() - Some.Now >= TimeSpan.FromSeconds(1));
        string warning = Assert.Single(context.Log.At(PluginLogLevel.Warning));
        Assert.Contains($"GET {Portal.BaseUrl}api/explore/v2.1/catalog/datasets/{FakeOpenDataPortal.Dataset}/records?", warning, StringComparison.Ordinal);
        Assert.Contains("answered 503 Service Unavailable", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsUntilTheLastAttempt_FailWithTheUrlTheStatusAndTheAttempts()
    {
        Portal.FailNext(502, 500);
        var context = await StartAsync(""", "max_attempts": 2, "retry_delay": 0""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _source!.FetchAsync("2026-03-12T00:00:00Z", Cancel).AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains($"GET {Portal.BaseUrl}api/explore/v2.1/catalog/datasets/{FakeOpenDataPortal.Dataset}/records?", error.Message, StringComparison.Ordinal);
        Assert.Contains("answered 500 Internal Server Error", error.Message, StringComparison.Ordinal);
        Assert.Contains("attempt 2 of 2", error.Message, StringComparison.Ordinal);
        Assert.Single(context.Log.At(PluginLogLevel.Warning));
    }

    [Fact]
    public async Task ClientError_FailsAtOnceWithoutRetrying()
    {
        Portal.FailNext(404);
        await StartAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _source!.FetchAsync(null, Cancel).AsTask());

        Assert.Single(Portal.Requests);
        Assert.Contains("answered 404 Not Found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaDrift_UnknownFieldsAreIgnoredAndNumbersAndStringsAreInterchangeable()
    {
        Portal.Publish([
            """
            {"id": "61300", "numero_fiche": "2026-03-0500", "numero_version": "3", "categorie_produit": "Hygiène-Beauté",
             "sous_categorie_produit": "soins du corps et du visage", "libelle": "lait corporel", "gtin": 3401560012347,
             "identification_produits": ["3401560012347$L9$date de durabilité minimale$2027-01-31$"],
             "risques_encourus": ["infection", "allergie"], "nouveau_champ_2027": {"niveau": 2, "liste": [1, 2]},
             "date_publication": "2026-03-15T10:00:00+00:00"}
            """,
        ]);
        await StartAsync();

        var notice = Assert.Single((await _source!.FetchAsync("2026-03-14T00:00:00Z", Cancel)).Notices);

        Assert.Equal(("2026-03-0500", 3, false), (notice.SourceId, notice.Version, notice.IsLowConfidence));
        Assert.Equal("infection, allergie", notice.Risk);
        Assert.Equal(new LotEntry("L9", new DateOnly(2027, 1, 31)), Assert.Single(Assert.Single(notice.Products).Selector.Lots));
    }

    [Fact]
    public async Task BrokenRecords_AreKeptRawAsLowConfidenceNoticesAndLogged()
    {
        const string NoDate = """{"id": 61301, "numero_fiche": "2026-03-0501", "libelle": "gel douche", "categorie_produit": "vêtements", "date_publication": "mardi dernier"}""";
        Portal.Publish([NoDate, "\"not a record\""]);
        var context = await StartAsync();

        var result = await _source!.FetchAsync(null, Cancel);

        Assert.Equal(2, result.Notices.Count);
        Assert.All(result.Notices, n =>
        {
            Assert.True(n.IsLowConfidence);
            Assert.Empty(n.Products);
            Assert.Contains("illisible", n.Title, StringComparison.Ordinal);
            Assert.Equal(Some.Now, n.PublishedAt);
            Assert.Empty(RecallNoticeJson.Validate(n));
        });
        var dated = Assert.Single(result.Notices, n => n.SourceId == "2026-03-0501");
        Assert.Equal(NoDate, dated.RawPayload);
        Assert.Contains("date_publication 'mardi dernier' is not a date", dated.Title, StringComparison.Ordinal);
        Assert.StartsWith("sans-id-", Assert.Single(result.Notices, n => n.SourceId != "2026-03-0501").SourceId, StringComparison.Ordinal);
        Assert.Equal(2, context.Log.At(PluginLogLevel.Error).Count());
        // Nothing readable was dated: the checkpoint does not move.
        Assert.Null(result.Checkpoint);
    }

    [Fact]
    public async Task BadGtinCheckDigit_IsKeptAsAReferenceToCheckAndFlagsTheNotice()
    {
        Portal.Publish([Some.Record(70010, "2026-03-15T10:00:00+00:00", identification: "3401560012348$L1$non concerné$$")]);
        var context = await StartAsync();

        var notice = Assert.Single((await _source!.FetchAsync("2026-03-14T00:00:00Z", Cancel)).Notices);

        Assert.True(notice.IsLowConfidence);
        var product = Assert.Single(notice.Products);
        Assert.Equal((CodeScheme.Reference, "3401560012348"), (product.CodeScheme, product.Code));
        Assert.Contains("check digit is wrong", Assert.Single(context.Log.At(PluginLogLevel.Warning)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GtinOfTheKeepList_KeepsANoticeOutsideThePharmacysCategories()
    {
        Portal.Publish([
            Some.Record(70020, "2026-03-15T10:00:00+00:00", "vêtements, mode, epi", "chaussures", "3760000000017$A1$non concerné$$"),
            Some.Record(70021, "2026-03-15T11:00:00+00:00", "vêtements, mode, epi", "chaussures", "5713795220915$A1$non concerné$$"),
        ]);
        await StartAsync(""", "always_keep_gtins": ["376000"]""");

        var result = await _source!.FetchAsync("2026-03-14T00:00:00Z", Cancel);

        Assert.Equal("2026-03-70020", Assert.Single(result.Notices).SourceId);
    }

    [Fact]
    public async Task WrongSettings_AreRefusedNamingTheSetting()
    {
        using var context = new TestSourceContext("rappelconso", Some.Clock()).WithSettings($$"""{ "base_url": "{{Portal.BaseUrl}}", "page_size": 500 }""");
        await using var source = new RappelConsoSource();

        var error = await Assert.ThrowsAsync<PluginConfigurationException>(() => source.StartAsync(context, Cancel).AsTask());

        Assert.Equal("Setting 'page_size' of plugin 'rappelconso' must be between 1 and 100 (the API's limit), not 500.", error.Message);
    }

    [Fact]
    public async Task Fetch_BeforeStart_SaysTheSourceWasNotStarted()
    {
        await using var source = new RappelConsoSource();

        await Assert.ThrowsAsync<InvalidOperationException>(() => source.FetchAsync(null, Cancel).AsTask());
    }
}
