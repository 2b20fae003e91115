using System.Net;
using RecallHub.Abstractions.Notices;
using RecallHub.Host.Tests.Support;

namespace RecallHub.Host.Tests.Web.Api.Recalls;

public sealed class RecallsEndpointTests : IAsyncLifetime
{
    private HubApi _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubApi.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private static RecallNotice OtherRecall(string source, string id, int daysAgo) => Some.Notice() with
    {
        Source = source,
        SourceId = id,
        Title = $"Rappel {id}",
        AlertNumber = null,
        PublishedAt = Some.Today.AddDays(-daysAgo),
        Products = [new RecalledProduct(CodeScheme.Cip13, Some.OtherCip13, null, LotSelector.All)],
    };

    [Fact]
    public async Task Recalls_AreListedNewestFirst_BySource_AndByPage()
    {
        await _hub.PostNoticesAsync(OtherRecall("ansm", "old", 200), OtherRecall("rappelconso", "middle", 100), Some.Notice());

        var all = await _hub.GetAsync("/api/v1/recalls");
        var ansm = await _hub.GetAsync("/api/v1/recalls?source=ansm&status=active");
        var closed = await _hub.GetAsync("/api/v1/recalls?status=closed");
        var second = await _hub.GetAsync("/api/v1/recalls?limit=1&offset=1");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(["Amlodipine Biogaran 5 mg", "Rappel middle", "Rappel old"], all.Body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        var first = all.Body.GetProperty("items")[0];
        Assert.Equal(("lot_recall", "active", "MED26/A019/B018"), (first.GetProperty("kind").GetString(), first.GetProperty("status").GetString(), first.GetProperty("alert_number").GetString()));
        Assert.Equal(["pharmacies", "hospitals"], first.GetProperty("recall_levels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(2, ansm.Body.GetProperty("total").GetInt32());
        Assert.Equal(0, closed.Body.GetProperty("total").GetInt32());
        Assert.Equal((3, "Rappel middle"), (second.Body.GetProperty("total").GetInt32(), second.Body.GetProperty("items")[0].GetProperty("title").GetString()));
    }

    [Theory]
    [InlineData("status=open", "status")]
    [InlineData("kind=recall", "kind")]
    [InlineData("limit=many", "limit")]
    public async Task BadQuery_IsABadRequestNamingTheParameter(string query, string parameter)
    {
        var response = await _hub.GetAsync("/api/v1/recalls?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Error(parameter)), response.Text);
    }

    [Fact]
    public async Task RecallDetail_HasProductsLotsRevisionsLinksAndBlocks()
    {
        await _hub.PostNoticesAsync(Some.Notice("A53014"));
        await _hub.PostScansAsync((Some.DataMatrix(lot: "B60021", serial: "BOX9"), "reception"));
        await _hub.PostNoticesAsync(Some.Notice("A53014", "B60021") with { Version = 2 });
        var linked = await _hub.PostNoticesAsync(Some.Notice("A53014") with { Source = "dp-rappels", SourceId = "DPR-2026-118", Actions = ["Mettre en quarantaine"] });
        long id = linked.GetProperty("notices")[0].GetProperty("recall_id").GetInt64();
        Assert.Equal("linked", linked.GetProperty("notices")[0].GetProperty("outcome").GetString());

        var response = await _hub.GetAsync($"/api/v1/recalls/{id}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var recall = response.Body;
        Assert.Equal(("Amlodipine Biogaran 5 mg", "Défaut qualité"), (recall.GetProperty("title").GetString(), recall.GetProperty("reason").GetString()));
        Assert.Equal(["Retourner au laboratoire", "Mettre en quarantaine"], recall.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["ansm", "dp-rappels"], recall.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("source").GetString()));
        var product = recall.GetProperty("products")[0];
        Assert.Equal(("cip13", Some.Cip13, "0" + Some.Cip13), (product.GetProperty("code_scheme").GetString(), product.GetProperty("code").GetString(), product.GetProperty("product_key").GetString()));
        Assert.Equal(["A53014", "B60021"], product.GetProperty("selector").GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lot").GetString()));

        var revisions = recall.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([("ansm", 1, false), ("ansm", 2, true), ("dp-rappels", 1, true)], revisions.Select(r => (r.GetProperty("source").GetString()!, r.GetProperty("version").GetInt32(), r.GetProperty("is_current").GetBoolean())));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, revisions[0].GetProperty("changes").ValueKind);
        Assert.Equal("B60021", revisions[1].GetProperty("changes").GetProperty("lots_added")[0].GetProperty("lot").GetString());

        Assert.Equal([("ansm", "amlodipine-biogaran-5-mg", 2), ("dp-rappels", "DPR-2026-118", 1)], recall.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("source").GetString()!, l.GetProperty("source_id").GetString()!, l.GetProperty("current_version").GetInt32())));
        Assert.Equal("https://ansm.sante.fr/informations-de-securite/amlodipine", recall.GetProperty("documents")[0].GetProperty("url").GetString());

        var blocks = recall.GetProperty("blocks");
        Assert.Equal((1, 1), (blocks.GetProperty("total").GetInt32(), blocks.GetProperty("active").GetInt32()));
        Assert.Equal("BOX9", blocks.GetProperty("items")[0].GetProperty("serial").GetString());
    }

    [Fact]
    public async Task UnknownRecall_IsNotFoundWithAProblem()
    {
        var response = await _hub.GetAsync("/api/v1/recalls/31337");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(("No such recall", "There is no recall 31337."), (response.Body.GetProperty("title").GetString(), response.Body.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task RecallsNeedTheAdminScope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hub.GetAsync("/api/v1/recalls", key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.GetAsync("/api/v1/recalls", HubApi.CheckKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.GetAsync("/api/v1/recalls/1", HubApi.ScanKey)).Status);
    }
}
