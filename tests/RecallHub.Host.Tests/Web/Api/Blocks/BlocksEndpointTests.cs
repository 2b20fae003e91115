using System.Net;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api.Blocks;

public sealed class BlocksEndpointTests : IAsyncLifetime
{
    private HubApi _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubApi.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    /// <summary>Blocks three boxes of the recalled lot; returns their block ids in scan order.</summary>
    private async Task<long[]> BlockThreeBoxesAsync()
    {
        await _hub.PostNoticesAsync(Some.Notice("A53014"));
        var scans = await _hub.PostScansAsync(
            (Some.DataMatrix(serial: "BOX1"), "reception"),
            (Some.DataMatrix(serial: "BOX2"), "reception"),
            (Some.DataMatrix(serial: "BOX3"), "reception"));
        return [.. scans.Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("blocks_placed")[0].GetInt64())];
    }

    private Task<ApiResponse> Lift(long id, object body) => _hub.PostAsync($"/api/v1/blocks/{id}/lift", body);

    [Fact]
    public async Task Blocks_AreListedByState_ByRecall_AndByPage()
    {
        long[] ids = await BlockThreeBoxesAsync();
        await Lift(ids[0], new { by = "Dr Claire Martin", reason = "Boîte retournée au grossiste" });

        var active = await _hub.GetAsync("/api/v1/blocks");
        var lifted = await _hub.GetAsync("/api/v1/blocks?state=lifted");
        var all = await _hub.GetAsync("/api/v1/blocks?state=all&limit=2&offset=1");
        var otherRecall = await _hub.GetAsync("/api/v1/blocks?state=all&recall_id=999");

        Assert.Equal(HttpStatusCode.OK, active.Status);
        Assert.Equal(2, active.Body.GetProperty("total").GetInt32());
        Assert.All(active.Body.GetProperty("items").EnumerateArray(), b => Assert.True(b.GetProperty("active").GetBoolean()));
        var onlyLifted = Assert.Single(lifted.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(ids[0], onlyLifted.GetProperty("id").GetInt64());
        Assert.Equal("Dr Claire Martin", onlyLifted.GetProperty("lift").GetProperty("by").GetString());
        Assert.Equal((3, 1, 2), (all.Body.GetProperty("total").GetInt32(), all.Body.GetProperty("offset").GetInt32(), all.Body.GetProperty("items").GetArrayLength()));
        Assert.Equal(0, otherRecall.Body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("state=open", "state")]
    [InlineData("recall_id=abc", "recall_id")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task BadQuery_IsABadRequestNamingTheParameter(string query, string parameter)
    {
        var response = await _hub.GetAsync("/api/v1/blocks?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error(parameter)), response.Text);
    }

    [Fact]
    public async Task Lift_ReleasesExactlyThatPack_AndIsAudited()
    {
        long[] ids = await BlockThreeBoxesAsync();

        var response = await Lift(ids[1], new { by = "Dr Claire Martin", reason = "Lot vérifié sur la boîte : non concerné" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.GetProperty("active").GetBoolean());
        Assert.Equal(Some.Today, response.Body.GetProperty("lift").GetProperty("at").GetDateTimeOffset());
        var audit = await _hub.ReadStoreAsync(s => s.Audit.ListAsync($"block:{ids[1]}"));
        Assert.Equal(("Dr Claire Martin", "block.lifted"), (Assert.Single(audit).Entry.Actor, audit[0].Entry.Action));

        var again = await _hub.PostScansAsync((Some.DataMatrix(serial: "BOX2"), "dispensation"), (Some.DataMatrix(serial: "BOX3"), "dispensation"));
        Assert.Equal(["allow", "block"], again.Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()));
    }

    [Theory]
    [InlineData("""{ "by": "Dr Claire Martin" }""", "$.reason")]
    [InlineData("""{ "by": "Dr Claire Martin", "reason": "   " }""", "$.reason")]
    [InlineData("""{ "reason": "Détruite" }""", "$.by")]
    [InlineData("""{ "by": "Dr Claire Martin", "raison": "Détruite" }""", "$.raison")]
    [InlineData("""not json""", "$")]
    public async Task LiftWithoutAReasonOrAName_IsABadRequest_AndTheBlockHolds(string body, string path)
    {
        long[] ids = await BlockThreeBoxesAsync();

        var response = await Lift(ids[0], body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error(path)), response.Text);
        Assert.True((await _hub.GetAsync($"/api/v1/blocks/{ids[0]}")).Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task LiftTwice_IsAConflictSayingByWhomAndWhen()
    {
        long[] ids = await BlockThreeBoxesAsync();
        await Lift(ids[0], new { by = "Dr Claire Martin", reason = "Détruite" });
        _hub.Clock.Advance(TimeSpan.FromHours(2));

        var response = await Lift(ids[0], new { by = "M. Paul Durand", reason = "Retournée" });

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        string detail = response.Body.GetProperty("detail").GetString()!;
        Assert.Contains("already lifted by Dr Claire Martin on 2026-11-22 09:30:00 UTC", detail, StringComparison.Ordinal);
        Assert.Equal("Dr Claire Martin", response.Body.GetProperty("lifted_by").GetString());
        Assert.Equal("Dr Claire Martin", (await _hub.GetAsync($"/api/v1/blocks/{ids[0]}")).Body.GetProperty("lift").GetProperty("by").GetString());
    }

    [Fact]
    public async Task UnknownBlock_IsNotFoundWithAProblem()
    {
        var lift = await Lift(424242, new { by = "Dr Claire Martin", reason = "Détruite" });
        var get = await _hub.GetAsync("/api/v1/blocks/424242");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (lift.Status, get.Status));
        Assert.Equal("There is no stock block 424242.", lift.Body.GetProperty("detail").GetString());
        Assert.Equal("No such block", get.Body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task IdThatIsNotANumber_IsNotFound_StillWithAProblemBody()
    {
        var response = await _hub.GetAsync("/api/v1/blocks/abc");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(404, response.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task BlocksNeedTheAdminScope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hub.GetAsync("/api/v1/blocks", key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.GetAsync("/api/v1/blocks", HubApi.CheckKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.PostAsync("/api/v1/blocks/1/lift", new { by = "x", reason = "y" }, HubApi.ScanKey)).Status);
    }
}
