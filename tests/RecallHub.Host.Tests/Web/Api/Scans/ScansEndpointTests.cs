using System.Net;
using System.Text;
using System.Text.Json;
using RecallHub.Abstractions.Notices;
using RecallHub.Core.Scanning;
using RecallHub.Core.Storage;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api.Scans;

public sealed class ScansEndpointTests : IAsyncLifetime
{
    private static readonly string ProductKey = ProductKeys.Of(CodeScheme.Cip13, Some.Cip13);

    private HubApi _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubApi.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task BatchWithOneBadCode_ReportsItWithCodeAndPosition_AndStoresTheOthers()
    {
        string badCheckDigit = "]d201034009302703861728022910A53014";

        var response = await _hub.PostScansAsync(
            (Some.DataMatrix(serial: "GOOD1"), "reception"),
            (badCheckDigit, "reception"),
            (Some.DataMatrix(serial: "GOOD2"), "dispensation"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal((2, 1), (response.Body.GetProperty("stored").GetInt32(), response.Body.GetProperty("refused").GetInt32()));
        var results = response.Body.GetProperty("results");
        Assert.Equal([0, 1, 2], results.EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        var bad = results[1];
        Assert.False(bad.GetProperty("stored").GetBoolean());
        var problem = Assert.Single(bad.GetProperty("problems").EnumerateArray());
        Assert.StartsWith("GS1_", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("position").GetInt32() >= 0);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("message").GetString()));

        long first = results[0].GetProperty("scan_id").GetInt64();
        long third = results[2].GetProperty("scan_id").GetInt64();
        var stored = await _hub.ReadStoreAsync(s => s.Scans.FindByProductAsync(ProductKey));
        Assert.Equal([(first, "GOOD1", PackEvent.Reception), (third, "GOOD2", PackEvent.Dispensation)], stored.Select(s => (s.Id, s.Scan.Serial!, s.Scan.Event)));
        Assert.Equal("allow", results[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task RecalledPack_IsBlockedOnTheSpot_AndTheBlockIsListed()
    {
        await _hub.PostNoticesAsync(Some.Notice("A53014"));

        var response = await _hub.PostScansAsync((Some.DataMatrix(lot: "A53014", serial: "BOX1"), "reception"));

        var result = response.Body.GetProperty("results")[0];
        Assert.Equal("block", result.GetProperty("verdict").GetString());
        Assert.False(result.GetProperty("needs_manual_check").GetBoolean());
        Assert.StartsWith("Ne pas délivrer", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("MED26/A019/B018", result.GetProperty("recalls")[0].GetProperty("alert_number").GetString());
        long blockId = Assert.Single(result.GetProperty("blocks_placed").EnumerateArray()).GetInt64();
        Assert.Equal(1, response.Body.GetProperty("blocks_placed").GetInt32());

        var blocks = await _hub.GetAsync("/api/v1/blocks");
        var block = Assert.Single(blocks.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(blockId, block.GetProperty("id").GetInt64());
        Assert.Equal(("BOX1", true, result.GetProperty("scan_id").GetInt64()), (block.GetProperty("serial").GetString(), block.GetProperty("active").GetBoolean(), block.GetProperty("scan_id").GetInt64()));
    }

    [Fact]
    public async Task OneScan_WithItsDetails_IsStoredAsSent()
    {
        var response = await _hub.PostAsync(
            "/api/v1/scans",
            new { code = "010340093027038717280229" + "10A53014~217GH29KXW41Q", @event = "return", scanned_at = "2026-11-22T08:15:00+01:00", workstation = "comptoir-2", @operator = "Mme Martin", gs_substitute = "~" },
            HubApi.ScanKey);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        long id = response.Body.GetProperty("results")[0].GetProperty("scan_id").GetInt64();
        var stored = Assert.Single(await _hub.ReadStoreAsync(s => s.Scans.FindBySerialAsync(ProductKey, "7GH29KXW41Q")));
        Assert.Equal(id, stored.Id);
        Assert.Equal((PackEvent.Return, "comptoir-2", "Mme Martin", "A53014"), (stored.Scan.Event, stored.Scan.Workstation, stored.Scan.Operator, stored.Scan.Lot));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 15, 0, TimeSpan.Zero), stored.Scan.ScannedAt);
    }

    [Fact]
    public async Task CodeNamingNoProduct_IsRefusedAlone_WithoutVerdict()
    {
        var response = await _hub.PostScansAsync(("21SERIALONLY", "reception"), ("", "reception"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = response.Body.GetProperty("results");
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("verdict").ValueKind);
        Assert.Equal("SCAN_EMPTY", results[1].GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal(0, await _hub.ReadStoreAsync(s => s.Scans.CountAsync()));
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{ "scans": [] }""", "$.scans")]
    [InlineData("""{ "scans": null }""", "$.scans")]
    [InlineData("""{ "scans": [ { "code": "3400937944892", "event": "reception" }, { "code": "3400937944892", "event": "sale" } ] }""", "$.scans[1].event")]
    [InlineData("""{ "scans": [ { "code": "3400937944892" } ] }""", "$.scans[0].event")]
    [InlineData("""{ "scans": [ { "event": "reception" } ] }""", "$.scans[0].code")]
    [InlineData("""{ "scans": [ null ] }""", "$.scans[0]")]
    [InlineData("""{ "scans": [ { "code": 3400937944892, "event": "reception" } ] }""", "$.scans[0].code")]
    [InlineData("""{ "scans": [ { "code": "3400937944892", "event": "reception", "scanned_at": "2026-11-22T09:30:00" } ] }""", "$.scans[0].scanned_at")]
    [InlineData("""{ "scans": [ { "code": "3400937944892", "event": "reception", "scaned_at": "2026-11-22T09:30:00Z" } ] }""", "$.scans[0].scaned_at")]
    [InlineData("""{ "code": "3400937944892", "event": "Reception" }""", "$.event")]
    public async Task MalformedBody_IsABadRequestSayingWhereAndWhat_AndStoresNothing(string body, string path)
    {
        var response = await _hub.PostAsync("/api/v1/scans", body, HubApi.ScanKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error(path)), response.Text);
        Assert.Contains(path, response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _hub.ReadStoreAsync(s => s.Scans.CountAsync()));
    }

    [Fact]
    public async Task UnknownEvent_IsRefusedListingTheEvents()
    {
        var response = await _hub.PostAsync("/api/v1/scans", """{ "code": "3400937944892", "event": "sale" }""", HubApi.ScanKey);

        Assert.Equal("'sale' is not an event: use one of reception, dispensation, return, destruction, implantation.", response.Error("$.event"));
    }

    [Fact]
    public async Task BatchOverTheLimit_IsRefusedWhole()
    {
        var body = new StringBuilder("""{ "scans": [""");
        for (int i = 0; i <= RecordScans.MaxBatch; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("""{"code":"3400937944892","event":"reception"}""");
        }

        var response = await _hub.PostAsync("/api/v1/scans", body.Append("] }").ToString(), HubApi.ScanKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains($"at most {RecordScans.MaxBatch} scans; this one has {RecordScans.MaxBatch + 1}", response.Error("$.scans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutKey_IsUnauthorized_AndACheckOnlyKeyIsForbidden()
    {
        var scan = new { code = Some.OtherCip13, @event = "reception" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hub.PostAsync("/api/v1/scans", scan, key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.PostAsync("/api/v1/scans", scan, HubApi.CheckKey)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _hub.PostAsync("/api/v1/scans", scan, HubApi.AdminKey)).Status);
    }
}
