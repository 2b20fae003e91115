using System.Net;
using RecallHub.Abstractions.Notices;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api.Notices;

public sealed class NoticesEndpointTests : IAsyncLifetime
{
    private HubApi _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubApi.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task NoticePosted_ThenTheRecalledPackIsBlockedAtReception()
    {
        var posted = await _hub.PostNoticesAsync(Some.Notice("A53014"));

        var notice = Assert.Single(posted.GetProperty("notices").EnumerateArray());
        Assert.Equal("new_recall", notice.GetProperty("outcome").GetString());
        Assert.Equal(("ansm", "amlodipine-biogaran-5-mg", 1), (notice.GetProperty("source").GetString(), notice.GetProperty("source_id").GetString(), notice.GetProperty("version").GetInt32()));
        long recallId = notice.GetProperty("recall_id").GetInt64();

        var scans = await _hub.PostScansAsync((Some.DataMatrix(lot: "A53014"), "reception"), (Some.DataMatrix(lot: "B60021"), "reception"));

        var results = scans.Body.GetProperty("results");
        Assert.Equal("block", results[0].GetProperty("verdict").GetString());
        Assert.Equal(recallId, results[0].GetProperty("recalls")[0].GetProperty("recall_id").GetInt64());
        Assert.Equal("allow", results[1].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ScansThenRecall_BlocksThePacksInStock_AndCountsThem()
    {
        await _hub.PostScansAsync((Some.DataMatrix(serial: "BOX1"), "reception"), (Some.DataMatrix(serial: "BOX2"), "reception"), (Some.DataMatrix(lot: "OTHER", serial: "BOX3"), "reception"));

        var posted = await _hub.PostNoticesAsync(Some.Notice("A53014"));

        Assert.Equal(2, posted.GetProperty("blocks_placed").GetInt32());
        Assert.Equal(2, posted.GetProperty("notices")[0].GetProperty("blocks_placed").GetInt32());
        var blocks = await _hub.GetAsync("/api/v1/blocks?state=active");
        Assert.Equal(["BOX1", "BOX2"], blocks.Body.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("serial").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SameNoticeTwice_IsOneRecall()
    {
        var first = await _hub.PostNoticesAsync(Some.Notice());
        var second = await _hub.PostNoticesAsync(Some.Notice());

        Assert.Equal("unchanged", second.GetProperty("notices")[0].GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("notices")[0].GetProperty("recall_id").GetInt64(), second.GetProperty("notices")[0].GetProperty("recall_id").GetInt64());
        Assert.Equal(1, (await _hub.GetAsync("/api/v1/recalls")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RevisionAddingALot_NewlyBlocksStoredScansOfThatLot()
    {
        await _hub.PostNoticesAsync(Some.Notice("A53014"));
        var scan = await _hub.PostScansAsync((Some.DataMatrix(lot: "B60021", serial: "LATER"), "reception"));
        Assert.Equal("allow", scan.Body.GetProperty("results")[0].GetProperty("verdict").GetString());

        var revised = await _hub.PostNoticesAsync(Some.Notice("A53014", "B60021") with { Version = 2 });

        var notice = revised.GetProperty("notices")[0];
        Assert.Equal("new_revision", notice.GetProperty("outcome").GetString());
        Assert.Equal(1, notice.GetProperty("blocks_placed").GetInt32());
        var lotAdded = Assert.Single(notice.GetProperty("changes").GetProperty("lots_added").EnumerateArray());
        Assert.Equal("B60021", lotAdded.GetProperty("lot").GetString());
        Assert.Contains("lots added", notice.GetProperty("changes").GetProperty("summary").GetString(), StringComparison.Ordinal);
        var block = Assert.Single((await _hub.GetAsync("/api/v1/blocks")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(("LATER", "B60021"), (block.GetProperty("serial").GetString(), block.GetProperty("lot").GetString()));
    }

    [Fact]
    public async Task ProductScansCannotMatch_IsReportedForPeopleToCheck()
    {
        var notice = Some.Notice() with
        {
            Products = [.. Some.Notice().Products, new RecalledProduct(CodeScheme.Cip7, "3027038", "Amlodipine 5 mg, ancienne présentation", LotSelector.All)],
        };

        var posted = await _hub.PostNoticesAsync(notice);

        var unmatchable = Assert.Single(posted.GetProperty("notices")[0].GetProperty("unmatchable_products").EnumerateArray());
        Assert.Equal(("cip7", "3027038"), (unmatchable.GetProperty("code_scheme").GetString(), unmatchable.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task BadNotices_AreABadRequestListingEveryProblemWithItsPath_AndNothingIsStored()
    {
        string good = RecallNoticeJson.Serialize(Some.Notice() with { SourceId = "good" });
        string badCode = RecallNoticeJson.Serialize(Some.Notice() with
        {
            SourceId = "bad-code",
            Products = [new RecalledProduct(CodeScheme.Cip13, "3400930270386", null, LotSelector.All)],
        });
        string noTitle = RecallNoticeJson.Serialize(Some.Notice() with { SourceId = "no-title", Title = " " });

        var response = await _hub.PostAsync("/api/v1/notices", $"[{good},{badCode},{noTitle}]");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("is not a CIP13", response.Error("$[1].products[0].code"), StringComparison.Ordinal);
        Assert.Contains("title", response.Error("$[2].title"), StringComparison.Ordinal);
        Assert.Equal(2, response.Body.GetProperty("errors").EnumerateObject().Count());
        Assert.Equal(0, (await _hub.GetAsync("/api/v1/recalls")).Body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{ \"source\": \"ansm\" ", "$")]
    [InlineData("[]", "$")]
    [InlineData("42", "$")]
    [InlineData("[42]", "$[0]")]
    public async Task MalformedBody_IsABadRequestSayingWhere(string body, string path)
    {
        var response = await _hub.PostAsync("/api/v1/notices", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error(path)), response.Text);
    }

    [Fact]
    public async Task UnknownMember_IsRefusedWithItsPath()
    {
        string json = RecallNoticeJson.Serialize(Some.Notice()).Replace("\"title\":", "\"severity\":\"high\",\"title\":", StringComparison.Ordinal);

        var response = await _hub.PostAsync("/api/v1/notices", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("'severity'", response.Error("$.severity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanKeyMayNotPostNotices_AndNoKeyIsUnauthorized()
    {
        string json = RecallNoticeJson.Serialize(Some.Notice());

        var forbidden = await _hub.PostAsync("/api/v1/notices", json, HubApi.ScanKey);
        var unauthorized = await _hub.PostAsync("/api/v1/notices", json, key: null);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Contains("'reception' may not do this", forbidden.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        Assert.Equal(0, (await _hub.GetAsync("/api/v1/recalls")).Body.GetProperty("total").GetInt32());
    }
}
